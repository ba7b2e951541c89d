import { BaseTool } from "../../core/tools/base-tool.ts";
import type { ToolDefinition } from "../../core/tools/tool.ts";
import type { GoogleFunctionDeclaration } from "./api.ts";
import { toGoogleJsonSchema, toOpenApiSchema } from "./tool-schema.ts";

/** Which schema field a function declaration uses: JSON Schema (default) or the OpenAPI subset. */
export type GoogleSchemaFormat = "json-schema" | "openapi";

/** A validated Gemini function call. `toolCall.providerData.thoughtSignature` holds the call's signature, if any. */
export class GoogleTool<Name extends string = string, Args = any, Output = unknown> extends BaseTool<Name, Args, Output> {
  /** The tool as a Gemini function declaration (`parametersJsonSchema`). */
  static override toolSchema(definition: ToolDefinition): GoogleFunctionDeclaration {
    return functionDeclaration(definition.name, definition.description, definition.jsonSchema, "json-schema");
  }

  /** The tool as a function declaration with the OpenAPI-subset `parameters` (for models without JSON Schema support). */
  static openApiToolSchema(definition: ToolDefinition): GoogleFunctionDeclaration {
    return functionDeclaration(definition.name, definition.description, definition.jsonSchema, "openapi");
  }

  /** The thought signature Gemini attached to this call (sent back automatically with `messageParam`). */
  get thoughtSignature(): string | undefined {
    const value = this.toolCall.providerData?.thoughtSignature;
    return typeof value === "string" ? value : undefined;
  }
}

/** A function declaration from a name, description and JSON Schema. */
export function functionDeclaration(
  name: string,
  description: string | undefined,
  schema: Record<string, unknown>,
  format: GoogleSchemaFormat,
): GoogleFunctionDeclaration {
  const declaration: GoogleFunctionDeclaration = { name };
  if (description) declaration.description = description;
  if (format === "openapi") declaration.parameters = toOpenApiSchema(schema);
  else declaration.parametersJsonSchema = toGoogleJsonSchema(schema);
  return declaration;
}
