import type { StructuredOutputMode } from "../../core/call-options.ts";
import { strictJsonSchemaProblems, toStrictJsonSchema } from "../../core/structured/strict-json-schema.ts";
import type { StructuredSpec } from "../../core/structured/structured-spec.ts";
import type { ChatCompletionMessageParam, ChatCompletionTool, ChatCompletionToolChoiceOption, ResponseFormat } from "./api.ts";

/** A Chat Completions request body while `setupCall` builds it. */
export interface ChatBody extends Record<string, unknown> {
  messages: ChatCompletionMessageParam[];
  tools?: ChatCompletionTool[];
}

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

/** What picks the mechanism: the call's `responseModel` or `jsonMode`, and what the model supports. */
export interface StructuredArgs {
  structured: StructuredSpec | undefined;
  jsonMode: boolean;
  supportsJsonSchema: boolean;
  hasUserTools: boolean;
}

/**
 * Adds what `jsonMode` / `responseModel` need to a Chat Completions body (after the user's tools):
 * a system instruction, the output tool and its `tool_choice`, or a `response_format`. Returns the
 * mechanism used. `setupCall` imports this module only for such calls.
 */
export function addStructured(body: ChatBody, args: StructuredArgs): StructuredSetup["used"] {
  const setup = setupStructured(args);
  if (setup.instruction && !(setup.instructionIfNoJson && mentionsJson(body.messages))) {
    body.messages.unshift({ role: "system", content: setup.instruction });
  }
  if (setup.tool) body.tools = [...(args.hasUserTools ? (body.tools ?? []) : []), setup.tool];
  if (setup.toolChoice) body.tool_choice = setup.toolChoice;
  if (setup.responseFormat) body.response_format = setup.responseFormat;
  return setup.used;
}

/** Whether any message's text mentions JSON (OpenAI's JSON mode requires it). */
function mentionsJson(messages: readonly ChatCompletionMessageParam[]): boolean {
  return messages.some((message) => {
    const content = (message as { content?: unknown }).content;
    if (typeof content === "string") return /json/i.test(content);
    return Array.isArray(content) && content.some((part) => typeof part?.text === "string" && /json/i.test(part.text));
  });
}

/**
 * Picks the structured-output mechanism: `json_schema` with a strict schema where the model supports
 * it ("auto" and "json-schema"), a forced tool call ("tool", and "auto" on older models), or JSON mode
 * plus the schema in a system message ("json"). `jsonMode` alone is JSON mode.
 */
export function setupStructured(args: StructuredArgs): StructuredSetup {
  const { structured } = args;
  if (!structured)
    return args.jsonMode ? { responseFormat: { type: "json_object" }, instruction: JSON_INSTRUCTION, instructionIfNoJson: true } : {};
  const mode = structured.mode === "auto" ? (args.supportsJsonSchema ? "json-schema" : "tool") : structured.mode;
  if (mode === "json-schema") return jsonSchemaSetup(structured);
  if (mode === "tool") return toolSetup(structured, args.hasUserTools);
  return {
    responseFormat: { type: "json_object" },
    instruction:
      "Respond only with a JSON object (no prose, no code fence) that matches this JSON Schema:\n" + JSON.stringify(structured.jsonSchema),
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
  const toolChoice: ChatCompletionToolChoiceOption = hasUserTools ? "required" : { type: "function", function: { name: structured.name } };
  return { tool, toolChoice, used: { mode: "tool", strict: false } };
}
