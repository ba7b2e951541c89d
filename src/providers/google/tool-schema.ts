/**
 * Schemas as Gemini takes them. `parametersJsonSchema` / `responseJsonSchema` accept JSON Schema
 * (https://ai.google.dev/gemini-api/docs/structured-output, https://ai.google.dev/api/caching#FunctionDeclaration);
 * only the `$schema` marker is dropped. `parameters` / `responseSchema` take an OpenAPI 3.0 subset
 * (https://ai.google.dev/api/caching#Schema): there, unsupported keywords are dropped, `$ref`s inlined
 * and `type: [x, "null"]` turned into `nullable`.
 */

type Json = Record<string, unknown>;

/** Keywords the OpenAPI-subset `Schema` object knows. */
const OPENAPI_KEYS = new Set([
  "type",
  "format",
  "title",
  "description",
  "nullable",
  "enum",
  "maxItems",
  "minItems",
  "properties",
  "required",
  "minProperties",
  "maxProperties",
  "minLength",
  "maxLength",
  "pattern",
  "example",
  "anyOf",
  "propertyOrdering",
  "default",
  "items",
  "minimum",
  "maximum",
]);

/** A JSON Schema ready for `parametersJsonSchema` / `responseJsonSchema`. */
export function toGoogleJsonSchema(schema: Json): Json {
  if (!("$schema" in schema)) return schema;
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}

/** A JSON Schema converted to the OpenAPI 3.0 subset of `parameters` / `responseSchema`. */
export function toOpenApiSchema(schema: Json): Json {
  const defs = { ...(schema.$defs as Json | undefined), ...(schema.definitions as Json | undefined) };
  return convert(schema, defs, 0) as Json;
}

function convert(node: unknown, defs: Json, depth: number): unknown {
  if (Array.isArray(node)) return node.map((item) => convert(item, defs, depth + 1));
  if (typeof node !== "object" || node === null || depth > 64) return node;
  const source = resolveRef(node as Json, defs);
  const out: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === "const") out.enum = [value];
    else if (key === "oneOf") out.anyOf = convert(value, defs, depth + 1);
    else if (!OPENAPI_KEYS.has(key)) continue;
    else if (key === "properties") out.properties = mapValues(value as Json, (v) => convert(v, defs, depth + 1));
    else if (key === "items" || key === "anyOf") out[key] = convert(value, defs, depth + 1);
    else out[key] = value;
  }
  if (Array.isArray(out.type)) {
    const types = (out.type as string[]).filter((t) => t !== "null");
    if (types.length < (out.type as string[]).length) out.nullable = true;
    out.type = types[0];
  }
  return out;
}

function resolveRef(node: Json, defs: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== "string") return node;
  const name = ref.replace(/^#\/(\$defs|definitions)\//, "");
  const target = defs[name];
  if (typeof target !== "object" || target === null) return node;
  const { $ref: _ref, ...rest } = node;
  return { ...(target as Json), ...rest };
}

function mapValues(value: Json, fn: (v: unknown) => unknown): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(value ?? {})) out[k] = fn(v);
  return out;
}
