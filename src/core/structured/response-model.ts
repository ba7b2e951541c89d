import { ValidationError } from "../../errors/index.ts";
import type { BaseCallResponse } from "../call-response.ts";
import type { CallContext } from "../call-context.ts";
import type { StructuredOutputMode } from "../call-options.ts";
import type { CallOutcome } from "../call-outcome.ts";
import type { requestResponse } from "../call-turn.ts";
import type { ProviderTypes } from "../provider-types.ts";
import { rememberResponse } from "./response-of.ts";
import { describeIssues, toJsonSchema, validateSchema, type SchemaLike } from "./schema.ts";
import { unwrap, wrapIfNeeded } from "./schema-wrap.ts";
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

/**
 * Runs a `responseModel` call: the validated value (through `outputParser`), or the response when
 * the model called one of the call's tools. Re-asks up to `validationRetries` times with the errors.
 */
export async function resolveStructured<T extends ProviderTypes>(
  ctx: CallContext<T>,
  spec: StructuredSpec,
  messages: unknown[],
  // Passed in by runCall, not imported: the seam then shares no module with a plain call's chunk.
  request: typeof requestResponse,
): Promise<CallOutcome<T>> {
  const retries = Math.max(0, ctx.options.validationRetries ?? 0);
  const attempts: ValidationError[] = [];
  // With a `responseModel`, `outputParser` is given the validated value, not the response its type
  // names (the combination is typed as the value alone: `CallResult` ignores the parser).
  const parser = ctx.options.outputParser as ((value: unknown) => unknown) | undefined;
  let history = messages;
  for (let attempt = 0; ; attempt++) {
    const { response, output, setup } = await request(ctx, history);
    if (calledATool(response, ctx.tools)) return { kind: "response", response };
    const text = ctx.provider.getJsonOutput(response, output);
    const result = await parseStructured(text, spec, setup.structured?.strict);
    if (result.ok) {
      const value = parser ? await parser(result.value) : result.value;
      rememberResponse(value, response);
      return { kind: "structured", value, response };
    }
    const error = new ValidationError(validationMessage(result.issues, response, attempt, retries), {
      issues: result.issues,
      raw: text,
      response,
      attempts: [...attempts],
    });
    attempts.push(error);
    if (attempt >= retries) throw error;
    history = [...messages, retryMessage(text, describeIssues(result.issues))];
  }
}

/** Whether the model called one of the call's tools instead of answering. */
function calledATool(response: BaseCallResponse, tools: readonly ToolDefinition[]): boolean {
  return tools.length > 0 && response.toolCalls.some((c) => tools.some((t) => t.name === c.name));
}

/** Why the output failed, with a finish reason that explains it better than the parser can. */
function validationMessage(issues: { message: string }[], response: BaseCallResponse, attempt: number, retries: number): string {
  // A cut-off, a content filter or an error explains a bad output; a normal stop or a (forced) tool call does not.
  const finish = response.commonFinishReasons.filter((r) => r !== "stop" && r !== "tool_calls");
  return (
    `The model's output does not match the response model: ${describeIssues(issues)}` +
    (finish.length ? ` (finish reason: ${finish.join(", ")})` : "") +
    (attempt < retries ? "" : attempt > 0 ? ` (after ${attempt + 1} attempts; see \`attempts\`)` : "") +
    ". The raw output is on `raw`; `validationRetries` re-asks the model with the errors."
  );
}

function retryMessage(previous: string, errors: string) {
  return {
    role: "user" as const,
    content:
      `Your previous response was:\n${previous}\n\nIt failed validation with these errors:\n${errors}\n\n` +
      "Respond again with output that fixes every error.",
  };
}
