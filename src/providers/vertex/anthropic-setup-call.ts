import type { SetupCallContext, SetupCallResult } from "../../core/provider-definition.ts";
import type { AnthropicRequestBody } from "../anthropic/api.ts";
import type { AnthropicCallParams } from "../anthropic/call-params.ts";
import { setupCall as anthropicSetupCall } from "../anthropic/setup-call.ts";
import { resolveVertexClient, type VertexClientOptions } from "./client.ts";
import { anthropicModelUrl } from "./endpoint.ts";

/** The `anthropic_version` Vertex AI requires in the body ("Claude on Vertex AI", https://docs.anthropic.com/en/api/claude-on-vertex-ai). */
export const VERTEX_ANTHROPIC_VERSION = "vertex-2023-10-16";

/** How Claude on Vertex AI is reached: Vertex's client options plus Anthropic's beta header. */
export interface VertexAnthropicClientOptions extends VertexClientOptions {
  /** Beta features, sent comma-joined as `anthropic-beta`. */
  anthropicBeta?: string[];
}

/**
 * Builds a Claude request for Vertex AI: the Messages API body without `model` (it is in the URL)
 * and with `anthropic_version: "vertex-2023-10-16"` (instead of the `anthropic-version` header),
 * sent to `{root}/publishers/anthropic/models/{model}:rawPredict` (`:streamRawPredict` for streams).
 */
export async function setupAnthropicCall(
  ctx: SetupCallContext<AnthropicCallParams, VertexAnthropicClientOptions>,
): Promise<SetupCallResult> {
  const vertex = await resolveVertexClient(ctx.client, "vertex-anthropic", ctx.signal);
  // A baseURL makes Anthropic's setupCall skip its key; its URL is replaced below.
  const client = { headers: ctx.client.headers, anthropicBeta: ctx.client.anthropicBeta, baseURL: vertex.root };
  const result = await anthropicSetupCall({ ...ctx, client });
  const { model: _model, ...rest } = result.request.body as AnthropicRequestBody;
  const { "anthropic-version": _version, ...headers } = result.request.headers;
  const request = {
    url: anthropicModelUrl(vertex.root, ctx.model, ctx.stream),
    headers: { ...headers, ...vertex.auth },
    body: { anthropic_version: VERTEX_ANTHROPIC_VERSION, ...rest },
    secrets: vertex.secrets,
  };
  return { ...result, request };
}
