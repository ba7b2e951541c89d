/**
 * Providers want an object at the root of a response schema (OpenAI's strict mode and tool
 * parameters require it), so a primitive, array, enum or union schema is sent wrapped as
 * `{ value: <schema> }` and the model's answer is unwrapped before validation.
 */
import type { JsonSchema } from "./schema.ts";

/** A schema ready for providers, and whether it was wrapped in `{ value }`. */
export interface WrappedSchema {
  schema: JsonSchema;
  wrapped: boolean;
}

const WRAPPED_PATH = "#/properties/value";
/** Keywords whose values are data, not schemas: a `$ref` key inside them is not a reference. */
const DATA_KEYWORDS = new Set(["enum", "const", "default", "examples"]);
/** Keywords whose values map names to schemas: their keys are names, not keywords. */
const SCHEMA_MAPS = new Set(["properties", "$defs", "definitions", "patternProperties", "dependentSchemas"]);
const cache = new WeakMap<JsonSchema, WrappedSchema>();

/**
 * Returns an object schema as it is; wraps anything else as
 * `{ type: "object", properties: { value }, required: ["value"], additionalProperties: false }`,
 * moving `$defs`/`definitions` to the new root and re-pointing `#`-relative references. Cached.
 */
export function wrapIfNeeded(schema: JsonSchema): WrappedSchema {
  let result = cache.get(schema);
  if (!result) {
    result = computeWrap(schema);
    cache.set(schema, result);
  }
  return result;
}

function computeWrap(schema: JsonSchema): WrappedSchema {
  if (schema.type === "object") return { schema, wrapped: false };
  const composite = "anyOf" in schema || "oneOf" in schema || "allOf" in schema || "$ref" in schema;
  if (schema.type === undefined && isPlainObject(schema.properties) && !composite) {
    return { schema: Object.freeze({ ...schema, type: "object" }), wrapped: false };
  }
  const { $defs, definitions, ...inner } = schema;
  const wrapper: JsonSchema = {
    type: "object",
    properties: Object.freeze({ value: rewriteRefs(inner) }),
    required: Object.freeze(["value"]),
    additionalProperties: false,
  };
  if ($defs !== undefined) wrapper.$defs = rewriteRefs($defs);
  if (definitions !== undefined) wrapper.definitions = rewriteRefs(definitions);
  return { schema: Object.freeze(wrapper), wrapped: true };
}

/** A frozen copy of a schema in which root-relative `$ref`s point into `properties.value`. */
function rewriteRefs(node: unknown, namesOnly = false): unknown {
  if (Array.isArray(node)) return Object.freeze(node.map((item) => rewriteRefs(item)));
  if (!isPlainObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(node)) {
    if (namesOnly) out[key] = rewriteRefs(child);
    else if (key === "$ref" && typeof child === "string") out[key] = rewriteRef(child);
    else if (DATA_KEYWORDS.has(key)) out[key] = child;
    else out[key] = rewriteRefs(child, SCHEMA_MAPS.has(key));
  }
  return Object.freeze(out);
}

function rewriteRef(ref: string): string {
  if (ref === "#") return WRAPPED_PATH;
  if (ref.startsWith("#/$defs/") || ref.startsWith("#/definitions/")) return ref;
  return ref.startsWith("#/") ? WRAPPED_PATH + ref.slice(1) : ref;
}

/** The user's value from a wrapped answer (`{ value: x }` → `x`); anything else is returned unchanged. */
export function unwrap(value: unknown): unknown {
  return isPlainObject(value) && Object.hasOwn(value, "value") ? value.value : value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
