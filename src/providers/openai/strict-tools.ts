import type { JsonSchema } from "../../core/structured/schema.ts";
import type { ToolDefinition } from "../../core/tools/tool.ts";
import { requestExtras } from "./seams.ts";

/**
 * Strict-mode schemas of tools that ask for strict mode, by parameters schema: the strict form, or
 * null when strict mode cannot express the schema (the tool is then sent without `strict`).
 */
const prepared = new WeakMap<object, JsonSchema | null>();

/** Whether a tool asks for OpenAI's strict mode (`providerOptions: { strict: true }`). */
export function wantsStrict(definition: ToolDefinition): boolean {
  return definition.providerOptions?.strict === true;
}

/**
 * Converts the schemas of the tools that ask for strict mode, loading the converter (`request-extras`) only then.
 * Every call does this before it builds its tools; `OpenAITool.prepare` exposes it.
 */
export async function prepareStrictTools(definitions: readonly ToolDefinition[]): Promise<void> {
  const strict = definitions.filter((d) => wantsStrict(d) && !prepared.has(d.jsonSchema));
  if (strict.length === 0) return;
  const { strictJsonSchemaProblems, toStrictJsonSchema } = await requestExtras();
  for (const { jsonSchema } of strict) {
    prepared.set(jsonSchema, strictJsonSchemaProblems(jsonSchema).length === 0 ? toStrictJsonSchema(jsonSchema) : null);
  }
}

/** The strict parameters schema to send, or undefined when the tool is sent without strict mode. */
export function strictSchemaOf(definition: ToolDefinition): JsonSchema | undefined {
  if (!wantsStrict(definition)) return undefined;
  const schema = prepared.get(definition.jsonSchema);
  if (schema === undefined) {
    throw new TypeError(`Strict tool "${definition.name}": await OpenAITool.prepare([tool]) before toolSchema (calls do).`);
  }
  return schema ?? undefined;
}
