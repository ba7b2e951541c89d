import type { CallOptions } from "../../core/call-options.ts";
import type { SetupCallContext, SetupCallResult } from "../../core/provider-definition.ts";
import type { GoogleCallParams } from "../google/call-params.ts";
import { type GoogleCallExtra, setupCall as googleSetupCall } from "../google/setup-call.ts";
import { resolveVertexClient, type VertexClientOptions } from "./client.ts";

/** The context `setupCall` receives for Gemini on Vertex AI. */
export type VertexGeminiSetupContext = SetupCallContext<GoogleCallParams, VertexClientOptions, CallOptions & GoogleCallExtra>;

/**
 * Builds a Gemini request for Vertex AI: the Gemini API's body (Vertex takes the same
 * GenerateContentRequest), sent to `{root}/publishers/google/models/{model}:generateContent`
 * (`:streamGenerateContent?alt=sse` for streams) with a bearer token instead of an API key.
 */
export async function setupGeminiCall(ctx: VertexGeminiSetupContext): Promise<SetupCallResult> {
  const vertex = await resolveVertexClient(ctx.client, "vertex", ctx.signal);
  // Google's setupCall puts the model under `{baseURL}/models/…`; the key it needs is never sent.
  const client = { headers: ctx.client.headers, apiKey: "vertex", baseURL: `${vertex.root}/publishers/google` };
  const result = await googleSetupCall({ ...ctx, client });
  const { "x-goog-api-key": _key, ...headers } = result.request.headers;
  return { ...result, request: { ...result.request, headers: { ...headers, ...vertex.auth }, secrets: vertex.secrets } };
}
