import type { CallOptions } from "../../core/call-options";
import type { SetupCallContext, SetupCallResult } from "../../core/provider-definition";
import type { StructuredSpec } from "../../core/structured-spec";
import type { GoogleFunctionDeclaration, GoogleGenerateContentRequest, GoogleGenerationConfig, GooglePart, GoogleToolConfig } from "./api";
import type { GoogleCallParams } from "./call-params";
import { splitCallParams } from "./call-params";
import type { GoogleCallResponse } from "./call-response";
import { generateUrl, resolveGoogleClient, type GoogleClientOptions } from "./client";
import { convertMessages } from "./convert-messages";
import { functionDeclaration, GoogleTool, type GoogleSchemaFormat } from "./tool";
import { toGoogleJsonSchema, toOpenApiSchema } from "./tool-schema";

/** Google-only call options. */
export interface GoogleCallExtra {
  /**
   * Which schema fields to send: `"json-schema"` (default: `parametersJsonSchema`, `responseJsonSchema`)
   * or `"openapi"` (`parameters`, `responseSchema`: an OpenAPI 3.0 subset, for models without JSON Schema support).
   */
  schemaFormat?: GoogleSchemaFormat;
}

/** The context `setupCall` receives for Google. */
export type GoogleSetupContext = SetupCallContext<
  GoogleCallParams,
  GoogleClientOptions,
  CallOptions<GoogleCallParams, GoogleClientOptions, GoogleCallResponse> & GoogleCallExtra
>;

type Mode = NonNullable<SetupCallResult["structured"]>["mode"];

/** Builds the `generateContent` / `streamGenerateContent?alt=sse` request of a call. */
export function setupCall(ctx: GoogleSetupContext): SetupCallResult {
  const client = resolveGoogleClient(ctx.client);
  const format: GoogleSchemaFormat = ctx.options.schemaFormat ?? "json-schema";
  const { contents, systemInstruction } = convertMessages(ctx.messages);
  const params = splitCallParams(ctx.callParams);
  const declarations: GoogleFunctionDeclaration[] = ctx.tools.map((tool) =>
    format === "openapi" ? GoogleTool.openApiToolSchema(tool) : (ctx.toolClass.toolSchema(tool) as GoogleFunctionDeclaration),
  );
  const generationConfig: GoogleGenerationConfig = params.generationConfig;
  let toolConfig: GoogleToolConfig | undefined = params.toolConfig;
  const system: GooglePart[] = [...(systemInstruction?.parts ?? [])];
  if (ctx.jsonMode) generationConfig.responseMimeType = "application/json";
  let mode: Mode | undefined;
  if (ctx.structured) {
    const spec = ctx.structured;
    mode = spec.mode === "auto" ? "json-schema" : spec.mode;
    if (mode === "tool") {
      declarations.push(functionDeclaration(spec.name, spec.description ?? "Respond by calling this function with the answer.", spec.jsonSchema, format));
      const allowed = [spec.name, ...ctx.tools.map((t) => t.name)];
      toolConfig = { ...toolConfig, functionCallingConfig: { mode: "ANY", allowedFunctionNames: allowed } };
    } else {
      generationConfig.responseMimeType = "application/json";
      if (mode === "json-schema") setResponseSchema(generationConfig, spec, format);
      else system.push({ text: jsonInstruction(spec) });
    }
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

function setResponseSchema(config: GoogleGenerationConfig, spec: StructuredSpec, format: GoogleSchemaFormat): void {
  if (format === "openapi") config.responseSchema = toOpenApiSchema(spec.jsonSchema);
  else config.responseJsonSchema = toGoogleJsonSchema(spec.jsonSchema);
}

function jsonInstruction(spec: StructuredSpec): string {
  return (
    "Respond only with a JSON object (no prose, no markdown fence) that matches this JSON Schema:\n" +
    JSON.stringify(toGoogleJsonSchema(spec.jsonSchema))
  );
}
