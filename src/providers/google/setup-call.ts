import { hasParams } from "../../core/params.ts";
import type { CallOptions } from "../../core/call-options.ts";
import type { SetupCallContext, SetupCallResult } from "../../core/provider-definition.ts";
import type {
  GoogleFunctionDeclaration,
  GoogleGenerateContentRequest,
  GoogleGenerationConfig,
  GooglePart,
  GoogleToolConfig,
} from "./api.ts";
import type { GoogleCallParams } from "./call-params.ts";
import { splitCallParams } from "./call-params.ts";
import { generateUrl, resolveGoogleClient, type GoogleClientOptions } from "./client.ts";
import type { ConvertedMessages } from "./convert-messages.ts";
import { textHistory } from "./text-history.ts";
import type { StructuredMode } from "./structured-request.ts";
import { requestExtras } from "./seams.ts";
import { GoogleTool, type GoogleSchemaFormat } from "./tool.ts";

/** Google-only call options. */
export interface GoogleCallExtra {
  /**
   * Which schema fields to send: `"json-schema"` (default: `parametersJsonSchema`, `responseJsonSchema`)
   * or `"openapi"` (`parameters`, `responseSchema`: an OpenAPI 3.0 subset, for models without JSON Schema support).
   */
  schemaFormat?: GoogleSchemaFormat;
}

/** The context `setupCall` receives for Google. */
export type GoogleSetupContext = SetupCallContext<GoogleCallParams, GoogleClientOptions, CallOptions & GoogleCallExtra>;

/** Builds the `generateContent` / `streamGenerateContent?alt=sse` request of a call. */
export async function setupCall(ctx: GoogleSetupContext): Promise<SetupCallResult> {
  const client = await resolveGoogleClient(ctx.client);
  const format: GoogleSchemaFormat = ctx.options.schemaFormat ?? "json-schema";
  // A plain text history skips the converter, which then never loads.
  const converted: ConvertedMessages = textHistory(ctx.messages) ?? (await requestExtras()).convertMessages(ctx.messages);
  const { contents, systemInstruction } = converted;
  const params = splitCallParams(
    hasParams(ctx.params) ? (await requestExtras()).withGoogleParams(ctx.callParams, ctx.params, ctx.model) : ctx.callParams,
  );
  const declarations: GoogleFunctionDeclaration[] = ctx.tools.map((tool) =>
    format === "openapi" ? GoogleTool.openApiToolSchema(tool) : (ctx.toolClass.toolSchema(tool) as GoogleFunctionDeclaration),
  );
  const generationConfig: GoogleGenerationConfig = params.generationConfig;
  let toolConfig: GoogleToolConfig | undefined = params.toolConfig;
  const system: GooglePart[] = [...(systemInstruction?.parts ?? [])];
  if (ctx.jsonMode) generationConfig.responseMimeType = "application/json";
  let mode: StructuredMode | undefined;
  if (ctx.structured) {
    // The response-model code loads only for calls that have one.
    const target = { declarations, generationConfig, toolConfig, system };
    const names = ctx.tools.map((t) => t.name);
    mode = (await requestExtras()).applyStructured(ctx.structured, target, names, format);
    toolConfig = target.toolConfig;
  }
  const body: GoogleGenerateContentRequest = { contents };
  if (system.length > 0) body.systemInstruction = { parts: system };
  const tools = [...(declarations.length > 0 ? [{ functionDeclarations: declarations }] : []), ...params.tools];
  if (tools.length > 0) body.tools = tools;
  if (toolConfig) body.toolConfig = toolConfig;
  if (params.safetySettings) body.safetySettings = params.safetySettings;
  if (Object.keys(generationConfig).length > 0) body.generationConfig = generationConfig;
  if (params.cachedContent) body.cachedContent = params.cachedContent;
  return {
    request: { url: generateUrl(client.baseURL, ctx.model, ctx.stream), headers: client.headers, body, secrets: [client.apiKey] },
    ...(mode ? { structured: { mode } } : {}),
  };
}
