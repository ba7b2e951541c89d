import type { StructuredOutputMode } from "../../core/call-options";
import { strictJsonSchemaProblems, toStrictJsonSchema } from "../../core/strict-json-schema";
import type { StructuredSpec } from "../../core/structured-spec";
import type { ChatCompletionTool, ChatCompletionToolChoiceOption, ResponseFormat } from "./api";

/** What `jsonMode` / `responseModel` add to a Chat Completions request. */
export interface StructuredSetup {
  responseFormat?: ResponseFormat;
  /** The tool whose arguments are the output (tool mode). */
  tool?: ChatCompletionTool;
  toolChoice?: ChatCompletionToolChoiceOption;
  /** A system instruction to add (JSON mode needs the word "json" in the messages). */
  instruction?: string;
  /** Add the instruction only when no message mentions JSON already (plain `jsonMode`). */
  instructionIfNoJson?: boolean;
  /** The mechanism used, reported back to the core. */
  used?: { mode: Exclude<StructuredOutputMode, "auto">; strict?: boolean };
}

const JSON_INSTRUCTION = "Respond with a single valid JSON object.";

/**
 * Picks the structured-output mechanism: `json_schema` with a strict schema where the model supports
 * it ("auto" and "json-schema"), a forced tool call ("tool", and "auto" on older models), or JSON mode
 * plus the schema in a system message ("json"). `jsonMode` alone is JSON mode.
 */
export function setupStructured(args: {
  structured: StructuredSpec | undefined;
  jsonMode: boolean;
  supportsJsonSchema: boolean;
  hasUserTools: boolean;
}): StructuredSetup {
  const { structured } = args;
  if (!structured) return args.jsonMode ? { responseFormat: { type: "json_object" }, instruction: JSON_INSTRUCTION, instructionIfNoJson: true } : {};
  const mode = structured.mode === "auto" ? (args.supportsJsonSchema ? "json-schema" : "tool") : structured.mode;
  if (mode === "json-schema") return jsonSchemaSetup(structured);
  if (mode === "tool") return toolSetup(structured, args.hasUserTools);
  return {
    responseFormat: { type: "json_object" },
    instruction:
      "Respond only with a JSON object (no prose, no code fence) that matches this JSON Schema:\n" +
      JSON.stringify(structured.jsonSchema),
    used: { mode: "json" },
  };
}

function jsonSchemaSetup(structured: StructuredSpec): StructuredSetup {
  const strict = strictJsonSchemaProblems(structured.jsonSchema).length === 0;
  const jsonSchema: { name: string; schema: Record<string, unknown>; strict: boolean; description?: string } = {
    name: structured.name,
    schema: strict ? toStrictJsonSchema(structured.jsonSchema) : structured.jsonSchema,
    strict,
  };
  if (structured.description) jsonSchema.description = structured.description;
  return { responseFormat: { type: "json_schema", json_schema: jsonSchema }, used: { mode: "json-schema", strict } };
}

function toolSetup(structured: StructuredSpec, hasUserTools: boolean): StructuredSetup {
  const tool: ChatCompletionTool = {
    type: "function",
    function: {
      name: structured.name,
      description: structured.description ?? "Respond by calling this function with the answer as its arguments.",
      parameters: structured.jsonSchema,
    },
  };
  // With tools of the user's own, the model may call one of them instead (the core returns that response).
  const toolChoice: ChatCompletionToolChoiceOption = hasUserTools
    ? "required"
    : { type: "function", function: { name: structured.name } };
  return { tool, toolChoice, used: { mode: "tool", strict: false } };
}
