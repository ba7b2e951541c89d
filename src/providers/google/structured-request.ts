// The `responseModel` part of a Gemini request, imported only by calls with a response model.
import type { SetupCallResult } from "../../core/provider-definition.ts";
import type { StructuredSpec } from "../../core/structured/structured-spec.ts";
import type { GoogleFunctionDeclaration, GoogleGenerationConfig, GooglePart, GoogleToolConfig } from "./api.ts";
import { functionDeclaration, type GoogleSchemaFormat } from "./tool.ts";
import { toGoogleJsonSchema, toOpenApiSchema } from "./tool-schema.ts";

/** The structured-output mechanism a request uses. */
export type StructuredMode = NonNullable<SetupCallResult["structured"]>["mode"];

/** The pieces of the request that a response model changes (edited in place, except `toolConfig`). */
export interface StructuredTarget {
  declarations: GoogleFunctionDeclaration[];
  generationConfig: GoogleGenerationConfig;
  toolConfig: GoogleToolConfig | undefined;
  system: GooglePart[];
}

/**
 * Applies a response model: "tool" adds a forced function; "json-schema" (also for "auto") sets a JSON
 * MIME type and the response schema; "json" a JSON MIME type and instructions in the system prompt.
 * Returns the mode used.
 */
export function applyStructured(
  spec: StructuredSpec,
  target: StructuredTarget,
  toolNames: readonly string[],
  format: GoogleSchemaFormat,
): StructuredMode {
  const mode = spec.mode === "auto" ? "json-schema" : spec.mode;
  if (mode === "tool") {
    target.declarations.push(
      functionDeclaration(spec.name, spec.description ?? "Respond by calling this function with the answer.", spec.jsonSchema, format),
    );
    const allowed = [spec.name, ...toolNames];
    target.toolConfig = { ...target.toolConfig, functionCallingConfig: { mode: "ANY", allowedFunctionNames: allowed } };
  } else {
    target.generationConfig.responseMimeType = "application/json";
    if (mode === "json-schema") setResponseSchema(target.generationConfig, spec, format);
    else target.system.push({ text: jsonInstruction(spec) });
  }
  return mode;
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
