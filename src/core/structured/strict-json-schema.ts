/**
 * OpenAI strict mode (Structured Outputs and `strict: true` tools) accepts a subset of JSON Schema:
 * every object lists all its properties in `required` and sets `additionalProperties: false`; an
 * optional field is expressed as a union with null; `anyOf` is supported but not at the root (nor
 * `oneOf`); `allOf`, `not`, `if`/`then`/`else`, `dependentRequired`, `dependentSchemas` are not;
 * supported constraints are `pattern` and `format` (date-time, time, date, duration, email,
 * hostname, ipv4, ipv6, uuid) for strings, `multipleOf`/`minimum`/`maximum`/`exclusiveMinimum`/
 * `exclusiveMaximum` for numbers and `minItems`/`maxItems` for arrays; `$defs` and recursive `$ref`s
 * work. See https://platform.openai.com/docs/guides/structured-outputs#supported-schemas .
 * `default` is rejected ("'default' is not permitted", https://github.com/567-labs/instructor/issues/1074).
 *
 * `toStrictJsonSchema` rewrites a schema into that subset. Constraints outside it (minLength,
 * uniqueItems …) are dropped: local validation still enforces them. Constructs it cannot express
 * (records, tuples, intersections, `not` …) are listed by `strictJsonSchemaProblems`, so a caller
 * can fall back to non-strict mode. `restoreOptional` maps the model's `null`s back to absent keys.
 */
import type { JsonSchema } from "./schema.ts";

type Node = Record<string, unknown>;
interface Context {
  root: Node;
  problems: string[];
}

const KEPT_KEYWORDS = new Set([
  "type",
  "enum",
  "const",
  "description",
  "title",
  "$ref",
  "pattern",
  "multipleOf",
  "maximum",
  "exclusiveMaximum",
  "minimum",
  "exclusiveMinimum",
  "minItems",
  "maxItems",
]);
const FORMATS = new Set(["date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid"]);
const UNSUPPORTED = ["not", "if", "then", "else", "dependentRequired", "dependentSchemas", "patternProperties", "prefixItems"];
const TYPED_BY = ["type", "enum", "const", "anyOf", "$ref", "properties"];
const NULL_SCHEMA = Object.freeze({ type: "null" });
const cache = new WeakMap<JsonSchema, { schema: JsonSchema; problems: readonly string[] }>();

/** The schema rewritten for OpenAI strict mode (cached per schema object; the input is not changed). */
export function toStrictJsonSchema(schema: JsonSchema): JsonSchema {
  return strictify(schema).schema;
}

/** What strict mode cannot express in this schema (empty when `strict: true` is safe to send). */
export function strictJsonSchemaProblems(schema: JsonSchema): readonly string[] {
  return strictify(schema).problems;
}

function strictify(schema: JsonSchema): { schema: JsonSchema; problems: readonly string[] } {
  let result = cache.get(schema);
  if (!result) {
    const ctx: Context = { root: schema, problems: [] };
    if (!isObjectSchema(schema)) ctx.problems.push("the root is not an object schema (wrap it with wrapIfNeeded first)");
    result = { schema: transform(schema, "#", ctx), problems: Object.freeze(ctx.problems) };
    cache.set(schema, result);
  }
  return result;
}

function transform(input: Node, path: string, ctx: Context): Node {
  const node = normalize(input, path, ctx);
  for (const key of UNSUPPORTED) if (key in node) ctx.problems.push(`${path}: "${key}" is not supported`);
  if (!TYPED_BY.some((key) => key in node)) ctx.problems.push(`${path}: a schema without a type (any value) cannot be strict`);
  const out: Node = {};
  for (const [key, value] of Object.entries(node)) {
    if (KEPT_KEYWORDS.has(key)) out[key] = value;
    else if (key === "format" && typeof value === "string" && FORMATS.has(value)) out.format = value;
    else if (key === "items" && isNode(value)) out.items = transform(value, `${path}/items`, ctx);
    else if (key === "anyOf" && Array.isArray(value)) out.anyOf = value.map((s, i) => transform(s as Node, `${path}/anyOf/${i}`, ctx));
    else if ((key === "$defs" || key === "definitions") && isNode(value)) out[key] = mapValues(value, `${path}/${key}`, ctx);
  }
  if (isObjectSchema(node)) strictObject(node, out, path, ctx);
  return out;
}

/** Inlines a `$ref` that has sibling keywords, merges a one-member `allOf`, renames `oneOf` to `anyOf`. */
function normalize(input: Node, path: string, ctx: Context): Node {
  let node = input;
  if (typeof node.$ref === "string" && Object.keys(node).length > 1) {
    const { $ref, ...siblings } = node;
    const target = resolveRef($ref as string, ctx.root);
    if (target) node = { ...target, ...siblings };
    else ctx.problems.push(`${path}: cannot resolve ${String($ref)}`);
  }
  if (Array.isArray(node.allOf)) {
    const { allOf, ...rest } = node;
    if (allOf.length === 1 && isNode(allOf[0])) node = { ...rest, ...allOf[0] };
    else ctx.problems.push(`${path}: "allOf" is not supported`);
  }
  if (Array.isArray(node.oneOf)) {
    const { oneOf, ...rest } = node;
    if (rest.anyOf) ctx.problems.push(`${path}: both "anyOf" and "oneOf"`);
    else node = { ...rest, anyOf: oneOf };
  }
  return node;
}

function strictObject(node: Node, out: Node, path: string, ctx: Context): void {
  const properties = isNode(node.properties) ? node.properties : {};
  const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
  const extra = node.additionalProperties;
  if (extra !== undefined && extra !== false && !(isNode(extra) && Object.keys(extra).length === 0) && extra !== true) {
    ctx.problems.push(`${path}: objects with open-ended keys (records, maps) cannot be strict`);
  }
  const props: Node = {};
  for (const [name, sub] of Object.entries(properties)) {
    if (!isNode(sub)) continue;
    const strict = transform(sub, `${path}/properties/${name}`, ctx);
    props[name] = required.has(name) || acceptsNull(sub, ctx.root) ? strict : nullable(strict);
  }
  out.type = node.type ?? "object";
  out.properties = props;
  out.required = Object.keys(props);
  out.additionalProperties = false;
}

const PRIMITIVES = new Set(["string", "number", "integer", "boolean"]);

/** `schema` or null: a type union for a plain primitive, otherwise an `anyOf` with `{ type: "null" }`. */
function nullable(schema: Node): Node {
  if (PRIMITIVES.has(schema.type as string) && !("enum" in schema) && !("const" in schema) && !("anyOf" in schema)) {
    return { ...schema, type: [schema.type, "null"] };
  }
  if (Array.isArray(schema.anyOf)) return { ...schema, anyOf: [...schema.anyOf, NULL_SCHEMA] };
  const { description, title, ...inner } = schema;
  const annotations: Node = {};
  if (description !== undefined) annotations.description = description;
  if (title !== undefined) annotations.title = title;
  return { anyOf: [inner, NULL_SCHEMA], ...annotations };
}

function mapValues(defs: Node, path: string, ctx: Context): Node {
  const out: Node = {};
  for (const [name, def] of Object.entries(defs)) out[name] = isNode(def) ? transform(def, `${path}/${name}`, ctx) : def;
  return out;
}

/** Whether the schema accepts `null` (so a `null` answer is a real value, not an omitted field). */
function acceptsNull(schema: unknown, root: Node, seen = new Set<unknown>()): boolean {
  if (schema === true) return true;
  if (!isNode(schema) || seen.has(schema)) return false;
  seen.add(schema);
  if (typeof schema.$ref === "string") {
    const target = resolveRef(schema.$ref, root);
    if (target && !acceptsNull(target, root, seen)) return false;
  }
  if ("const" in schema) return schema.const === null;
  if (Array.isArray(schema.enum)) return schema.enum.includes(null);
  const type = schema.type;
  if (type !== undefined && type !== "null" && !(Array.isArray(type) && type.includes("null"))) return false;
  for (const key of ["anyOf", "oneOf"]) {
    const branches = schema[key];
    if (Array.isArray(branches) && !branches.some((b) => acceptsNull(b, root, seen))) return false;
  }
  const all = schema.allOf;
  return !Array.isArray(all) || all.every((b) => acceptsNull(b, root, seen));
}

/** Resolves a local reference (`#`, `#/$defs/X`, any `#/json/pointer`) against the root schema. */
function resolveRef(ref: string, root: Node): Node | undefined {
  if (ref === "#") return root;
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    node = isNode(node) || Array.isArray(node) ? (node as Node)[key] : undefined;
  }
  return isNode(node) ? node : undefined;
}

function isObjectSchema(schema: Node): boolean {
  const type = schema.type;
  return type === "object" || (Array.isArray(type) && type.includes("object")) || (type === undefined && isNode(schema.properties));
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Undoes the optional → nullable rewrite on a parsed strict-mode answer: a `null` for a property the
 * original schema marks optional, and which does not itself allow null, becomes an absent key.
 * Pass the schema as it was before `toStrictJsonSchema` (wrapped, if it was). Returns a new value.
 */
export function restoreOptional(value: unknown, schema: JsonSchema): unknown {
  return restore(value, schema, schema);
}

/**
 * How deep `restoreOptional` walks (each level takes up to three stack frames). A deeper part of
 * the value is returned as it is: a recursion this deep would overflow the stack of some engines
 * (a raw RangeError at about 2,000 levels), and validation still checks it.
 */
const MAX_RESTORE_DEPTH = 500;

function restore(value: unknown, schema: unknown, root: Node, depth = 0): unknown {
  let node = isNode(schema) ? schema : undefined;
  for (let hops = 0; node && typeof node.$ref === "string" && hops < 32; hops++) {
    const target = resolveRef(node.$ref, root);
    node = target && Object.keys(node).length > 1 ? { ...target, ...node, $ref: target.$ref } : target;
  }
  if (!node || value === null || typeof value !== "object" || depth > MAX_RESTORE_DEPTH) return value;
  const branches = node.anyOf ?? node.oneOf ?? (Array.isArray(node.allOf) && node.allOf.length === 1 ? node.allOf : undefined);
  if (Array.isArray(branches) && !isNode(node.properties) && node.items === undefined) {
    return restore(value, pickBranch(value, branches, root), root, depth + 1);
  }
  if (Array.isArray(value)) {
    const prefix = Array.isArray(node.prefixItems) ? node.prefixItems : [];
    return value.map((item, i) => restore(item, i < prefix.length ? prefix[i] : node.items, root, depth + 1));
  }
  return restoreObject(value as Node, node, root, depth);
}

function restoreObject(value: Node, node: Node, root: Node, depth: number): Node {
  const properties = isNode(node.properties) ? node.properties : {};
  const required = new Set(Array.isArray(node.required) ? node.required : []);
  const out: Node = {};
  for (const [key, item] of Object.entries(value)) {
    const sub = Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (sub === undefined) {
      setOwn(out, key, restore(item, node.additionalProperties, root, depth + 1));
    } else if (!(item === null && !required.has(key) && !acceptsNull(sub, root))) {
      setOwn(out, key, restore(item, sub, root, depth + 1));
    }
  }
  return out;
}

/** The union branch a value was written for: by a matching `const` property, then by its keys. */
function pickBranch(value: object, branches: unknown[], root: Node): unknown {
  const resolved = branches.map((b) => (isNode(b) && typeof b.$ref === "string" ? (resolveRef(b.$ref, root) ?? b) : b));
  if (Array.isArray(value)) return resolved.find((b) => isNode(b) && (b.type === "array" || "items" in b));
  const candidates = resolved.filter((b): b is Node => isNode(b) && isNode(b.properties));
  const entries = Object.entries(value);
  const byConst = candidates.find((b) =>
    entries.some(([k, v]) => {
      const prop = (b.properties as Node)[k];
      return isNode(prop) && "const" in prop && prop.const === v;
    }),
  );
  return byConst ?? candidates.find((b) => entries.every(([k]) => k in (b.properties as Node))) ?? candidates[0];
}

function setOwn(target: Node, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}
