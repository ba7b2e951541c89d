/**
 * The adapter between users' schemas and the library. A schema is accepted as
 * - any Standard Schema v1 (https://standardschema.dev) that also implements Standard JSON Schema
 *   (`~standard.jsonSchema.input/output({ target })`): zod ≥ 4.2, arktype, valibot via
 *   `@valibot/to-json-schema`'s `toStandardJsonSchema`;
 * - `jsonSchema(schema, validate?)`: a plain JSON Schema with an optional validate function;
 * - a bare JSON Schema object (no validation: the parsed value is returned as it is).
 * Nothing here imports a schema library.
 */

import type { SchemaIssue } from "../../errors/schema-issue.ts";

/** A JSON Schema document (treat the objects returned by this module as read-only: they are cached and frozen). */
export type JsonSchema = Record<string, unknown>;

/** One validation problem, in Standard Schema's shape. */
export type Issue = SchemaIssue;

/** What a Standard Schema's `validate` returns. */
export type StandardResult<T> = { readonly value: T; readonly issues?: undefined } | { readonly issues: ReadonlyArray<Issue> };

/** Standard JSON Schema's target names. */
export type JsonSchemaTarget = "draft-2020-12" | "draft-07" | "openapi-3.0" | ({} & string);

/** Standard JSON Schema's converter (`~standard.jsonSchema`). */
export interface StandardJsonSchemaConverter {
  readonly input: (options: { readonly target: JsonSchemaTarget }) => Record<string, unknown>;
  readonly output: (options: { readonly target: JsonSchemaTarget }) => Record<string, unknown>;
}

/** A Standard Schema v1 that also carries a Standard JSON Schema converter (zod ≥ 4.2, arktype, valibot's converter). */
export interface StandardSchemaWithJson<Input = unknown, Output = Input> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
    readonly jsonSchema: StandardJsonSchemaConverter;
  };
}

/** Anything accepted where a schema is expected (`responseModel`, tool `parameters`). */
export type SchemaLike<T = any> = StandardSchemaWithJson<any, T> | JsonSchema;

/** The validated (output) type of a schema; `unknown` for a bare JSON Schema. */
export type InferSchema<S> = S extends { readonly "~standard": { readonly types?: infer Types } }
  ? NonNullable<Types> extends { readonly output: infer Output }
    ? Output
    : unknown
  : unknown;

/** The result of `validateSchema`. */
export type SchemaValidation<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** A validate function for `jsonSchema`: a type guard, a boolean, or a Standard Schema result (sync or async). */
export type JsonSchemaValidator<T> =
  | ((value: unknown) => value is T)
  | ((value: unknown) => boolean | StandardResult<T> | Promise<boolean | StandardResult<T>>);

/**
 * Wraps a plain JSON Schema (and an optional validate function) as a Standard Schema.
 * @example const Book = jsonSchema<Book>({ type: "object", properties: { title: { type: "string" } }, required: ["title"] });
 */
export function jsonSchema<T = unknown>(schema: JsonSchema, validate?: JsonSchemaValidator<T>): StandardSchemaWithJson<T, T> {
  const convert = () => schema;
  return {
    "~standard": {
      version: 1,
      vendor: "promptcall",
      validate: (value) => runValidator(validate, value),
      jsonSchema: { input: convert, output: convert },
    },
  };
}

async function runValidator<T>(validate: JsonSchemaValidator<T> | undefined, value: unknown): Promise<StandardResult<T>> {
  if (!validate) return { value: value as T };
  const result = await validate(value);
  if (result === true) return { value: value as T };
  if (result === false) return { issues: [{ message: "The value does not match the schema (validate returned false)." }] };
  return result;
}

const STANDARD_JSON_TARGETS: JsonSchemaTarget[] = ["draft-2020-12", "draft-07"];
const cache = new WeakMap<object, Map<string, JsonSchema>>();

/**
 * The JSON Schema to send to a provider: generated once per schema object (and target), `$schema`
 * removed, deeply frozen. It describes the schema's *input* — what the model must write — which
 * differs from the output for transforms and defaults.
 */
export function toJsonSchema(schema: SchemaLike, target: JsonSchemaTarget = "draft-2020-12"): JsonSchema {
  let byTarget = cache.get(schema);
  const cached = byTarget?.get(target);
  if (cached) return cached;
  const generated = deepFreeze(clean(isStandard(schema) ? convert(schema, target) : (JSON.parse(JSON.stringify(schema)) as JsonSchema)));
  if (!byTarget) {
    byTarget = new Map();
    cache.set(schema, byTarget);
  }
  byTarget.set(target, generated);
  return generated;
}

function isStandard(schema: unknown): schema is { "~standard": Record<string, unknown> } {
  return typeof schema === "object" && schema !== null && "~standard" in schema;
}

function convert(schema: { "~standard": Record<string, unknown> }, target: JsonSchemaTarget): JsonSchema {
  const props = schema["~standard"];
  const converter = props.jsonSchema as StandardJsonSchemaConverter | undefined;
  if (typeof converter?.input !== "function") {
    throw new TypeError(
      `This ${String(props.vendor)} schema has no Standard JSON Schema converter (\`~standard.jsonSchema\`). ` +
        "Use zod ≥ 4.2, arktype, valibot with @valibot/to-json-schema's toStandardJsonSchema, or jsonSchema(...).",
    );
  }
  const targets = [target, ...STANDARD_JSON_TARGETS.filter((t) => t !== target)];
  let firstError: unknown;
  for (const t of targets) {
    try {
      return converter.input({ target: t });
    } catch (error) {
      firstError ??= error;
    }
  }
  throw new TypeError(
    `The ${String(props.vendor)} schema cannot be converted to JSON Schema: ${(firstError as Error)?.message ?? firstError}. ` +
      "A model can only be asked for values JSON Schema can describe (no dates, functions or output-only transforms).",
    { cause: firstError },
  );
}

/** Removes `$schema` (some providers reject it) from the root and from each definition. */
function clean(schema: JsonSchema): JsonSchema {
  const { $schema: _root, ...rest } = schema;
  for (const key of ["$defs", "definitions"]) {
    const defs = rest[key];
    if (!isPlainObject(defs)) continue;
    const cleaned: JsonSchema = {};
    for (const [name, def] of Object.entries(defs)) {
      if (isPlainObject(def)) {
        const { $schema: _def, ...inner } = def;
        cleaned[name] = inner;
      } else cleaned[name] = def;
    }
    rest[key] = cleaned;
  }
  return rest;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Validates a value with the schema (a bare JSON Schema accepts anything); never throws for invalid values. */
export async function validateSchema<S extends SchemaLike>(schema: S, value: unknown): Promise<SchemaValidation<InferSchema<S>>> {
  if (!isStandard(schema)) return { ok: true, value: value as InferSchema<S> };
  let result: StandardResult<unknown>;
  try {
    result = await (schema as StandardSchemaWithJson)["~standard"].validate(value);
  } catch (error) {
    return { ok: false, issues: [{ message: `The schema's validate function threw: ${(error as Error)?.message ?? error}` }] };
  }
  if (result.issues) return { ok: false, issues: [...result.issues] };
  return { ok: true, value: result.value as InferSchema<S> };
}

const MAX_DESCRIBED_ISSUES = 20;

/** One line listing the issues with their paths, e.g. `books[0].title: expected string; year: required`. */
export function describeIssues(issues: ReadonlyArray<Issue>): string {
  const shown = issues.slice(0, MAX_DESCRIBED_ISSUES).map((issue) => {
    const path = formatPath(issue.path);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  if (issues.length > MAX_DESCRIBED_ISSUES) shown.push(`and ${issues.length - MAX_DESCRIBED_ISSUES} more`);
  return shown.join("; ");
}

function formatPath(path: Issue["path"]): string {
  let out = "";
  for (const segment of path ?? []) {
    const key = typeof segment === "object" && segment !== null ? segment.key : segment;
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${typeof key === "string" ? JSON.stringify(key) : String(key)}]`;
  }
  return out;
}
