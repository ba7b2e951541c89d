import { ValidationError } from "../../errors/validation-error.ts";
import type { BaseCallResponse } from "../call-response.ts";
import type { CallOptions, StructuredOutputMode } from "../call-options.ts";
import type { OutputContext, ProviderDefinition, SetupCallResult } from "../provider-definition.ts";
import { rememberResponse } from "./response-of.ts";
import { describeIssues, toJsonSchema, unwrap, validateSchema, wrapIfNeeded, type SchemaLike } from "./schema.ts";
import { restoreOptional } from "./strict-json-schema.ts";
import type { StructuredSpec } from "./structured-spec.ts";
import type { ToolDefinition } from "../tools/tool.ts";

/** Prepares a `responseModel` for providers (JSON Schema generated once per schema). */
export function buildStructuredSpec(schema: SchemaLike, mode: StructuredOutputMode): StructuredSpec {
  const json = toJsonSchema(schema);
  const { schema: jsonSchema, wrapped } = wrapIfNeeded(json);
  const title = typeof json.title === "string" ? json.title.replace(/[^a-zA-Z0-9_-]/g, "_").slice(0, 64) : "";
  return {
    schema,
    jsonSchema,
    wrapped,
    name: title || "response",
    description: typeof json.description === "string" ? json.description : undefined,
    mode,
  };
}

/** The outcome of parsing and validating a structured output. */
export type StructuredResult = { ok: true; value: unknown } | { ok: false; issues: { message: string }[] };

/** Parses JSON text from a model and validates it against the spec's schema. */
export async function parseStructured(text: string, spec: StructuredSpec, strict: boolean | undefined): Promise<StructuredResult> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(extractJson(text));
  } catch (cause) {
    const reason = text.trim() === "" ? "the model returned no output" : (cause as Error).message;
    return { ok: false, issues: [{ message: `The output is not valid JSON (${reason})` }] };
  }
  if (strict) parsed = restoreOptional(parsed, spec.jsonSchema);
  if (spec.wrapped) parsed = unwrap(parsed);
  const result = await validateSchema(spec.schema, parsed);
  return result.ok ? { ok: true, value: result.value } : { ok: false, issues: result.issues };
}

/** Takes the JSON out of text that may wrap it in a markdown fence or prose. */
export function extractJson(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) return trimmed;
  const fence = /```(?:json)?\s*([\s\S]*?)```/.exec(trimmed);
  if (fence) return fence[1].trim();
  const start = trimmed.search(/[[{]/);
  const end = Math.max(trimmed.lastIndexOf("}"), trimmed.lastIndexOf("]"));
  return start >= 0 && end > start ? trimmed.slice(start, end + 1) : trimmed;
}

type Once = (history: unknown[]) => Promise<{ response?: BaseCallResponse; ctx: OutputContext; setup: SetupCallResult }>;

/** Runs a `responseModel` call, re-asking up to `validationRetries` times with the errors. */
export async function resolveStructured(args: {
  once: Once;
  messages: unknown[];
  provider: ProviderDefinition<any, any, any, any, any, any, any>;
  options: CallOptions<any, any, any>;
  structured: StructuredSpec;
  tools: readonly ToolDefinition[];
}): Promise<unknown> {
  const { provider, options, structured, tools } = args;
  const retries = Math.max(0, options.validationRetries ?? 0);
  const attempts: ValidationError[] = [];
  let history = args.messages;
  for (let attempt = 0; attempt <= retries; attempt++) {
    const { response, ctx, setup } = await args.once(history);
    if (!response) throw new TypeError("A structured call returned no response.");
    if (tools.length > 0 && response.toolCalls.some((c) => tools.some((t) => t.name === c.name))) return response;
    const text = provider.getJsonOutput(response, ctx);
    const result = await parseStructured(text, structured, setup.structured?.strict);
    if (result.ok) {
      const value = options.outputParser ? await options.outputParser(result.value) : result.value;
      rememberResponse(value, response);
      return value;
    }
    // A refusal, a content filter or a cut-off explains a bad output better than the parser does.
    const finish = response.finishReasons.filter((r) => r !== "stop" && r !== "end_turn" && r !== "STOP");
    const error = new ValidationError(
      `The model's output does not match the response model: ${describeIssues(result.issues)}` +
        (finish.length ? ` (finish reason: ${finish.join(", ")})` : "") +
        (attempt < retries ? "" : attempt > 0 ? ` (after ${attempt + 1} attempts; see \`attempts\`)` : "") +
        ". The raw output is on `raw`; `validationRetries` re-asks the model with the errors.",
      { issues: result.issues, raw: text, response, attempts: [...attempts] },
    );
    attempts.push(error);
    if (attempt === retries) throw error;
    history = [...args.messages, retryMessage(text, describeIssues(result.issues))];
  }
  throw new Error("unreachable");
}

function retryMessage(previous: string, errors: string) {
  return {
    role: "user" as const,
    content:
      `Your previous response was:\n${previous}\n\nIt failed validation with these errors:\n${errors}\n\n` +
      "Respond again with output that fixes every error.",
  };
}
