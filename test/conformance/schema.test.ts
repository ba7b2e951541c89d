import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  describeIssues,
  jsonSchema,
  toJsonSchema,
  validateSchema,
  type InferSchema,
  type JsonSchema,
  type StandardResult,
} from "../../src/core/structured/schema.ts";
import { unwrap, wrapIfNeeded } from "../../src/core/structured/schema-wrap.ts";
import { restoreOptional, strictJsonSchemaProblems, toStrictJsonSchema } from "../../src/core/structured/strict-json-schema.ts";

const Book = z.object({
  title: z.string(),
  author: z.string().optional(),
  year: z.number().int().nullable(),
  genre: z.enum(["fantasy", "science-fiction"]).optional(),
  series: z.object({ name: z.string(), index: z.number().optional() }).optional(),
});

describe("toJsonSchema", () => {
  it("converts a zod object through Standard JSON Schema, without $schema", () => {
    const json = toJsonSchema(Book);
    expect(json.$schema).toBeUndefined();
    expect(json.type).toBe("object");
    expect(json.required).toEqual(["title", "year"]);
    expect(Object.keys(json.properties as object)).toEqual(["title", "author", "year", "genre", "series"]);
  });

  it("generates once per schema object and freezes the result", () => {
    const first = toJsonSchema(Book);
    expect(toJsonSchema(Book)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.properties)).toBe(true);
    expect(toJsonSchema(Book, "draft-07")).not.toBe(first);
    expect(toJsonSchema(Book, "draft-07")).toBe(toJsonSchema(Book, "draft-07"));
  });

  it("describes the input the model writes, so output transforms still work", async () => {
    const Length = z.string().transform((s) => s.length);
    expect(toJsonSchema(Length)).toEqual({ type: "string" });
    expect(await validateSchema(Length, "four")).toEqual({ ok: true, value: 4 });
  });

  it("throws a TypeError saying what to do for schemas JSON Schema cannot describe", () => {
    expect(() => toJsonSchema(z.object({ when: z.date() }))).toThrow(TypeError);
    expect(() => toJsonSchema(z.object({ when: z.date() }))).toThrow(/cannot be converted to JSON Schema/);
    const noConverter = { "~standard": { version: 1, vendor: "oldlib", validate: (v: unknown) => ({ value: v }) } };
    expect(() => toJsonSchema(noConverter as never)).toThrow(/no Standard JSON Schema converter/);
  });

  it("accepts any Standard Schema + Standard JSON Schema pair, falling back to draft-07", async () => {
    const targets: string[] = [];
    const custom = {
      "~standard": {
        version: 1 as const,
        vendor: "custom",
        validate: (value: unknown): StandardResult<{ n: number }> =>
          typeof (value as { n?: unknown })?.n === "number"
            ? { value: value as { n: number } }
            : { issues: [{ message: "n must be a number", path: [{ key: "n" }] }] },
        jsonSchema: {
          input: ({ target }: { target: string }) => {
            targets.push(target);
            if (target !== "draft-07") throw new Error(`unsupported target ${target}`);
            return { $schema: "http://json-schema.org/draft-07/schema#", type: "object", properties: { n: { type: "number" } } };
          },
          output: () => ({}),
        },
      },
    };
    expect(toJsonSchema(custom)).toEqual({ type: "object", properties: { n: { type: "number" } } });
    expect(targets).toEqual(["draft-2020-12", "draft-07"]);
    expect(await validateSchema(custom, { n: 1 })).toEqual({ ok: true, value: { n: 1 } });
    const failed = await validateSchema(custom, { n: "1" });
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(describeIssues(failed.issues)).toBe("n: n must be a number");
  });

  it("copies a bare JSON Schema without $schema and accepts any value for it", async () => {
    const bare = { $schema: "https://json-schema.org/draft/2020-12/schema", type: "object", properties: {} };
    const json = toJsonSchema(bare);
    expect(json).toEqual({ type: "object", properties: {} });
    expect(json).not.toBe(bare);
    expect(bare.$schema).toBeDefined();
    expect(await validateSchema(bare, { anything: 1 })).toEqual({ ok: true, value: { anything: 1 } });
  });
});

describe("jsonSchema helper", () => {
  interface Point {
    x: number;
  }
  const schema = { type: "object", properties: { x: { type: "number" } }, required: ["x"] };
  const isPoint = (value: unknown): value is Point => typeof (value as Point)?.x === "number";

  it("wraps a plain JSON Schema and a type guard as a Standard Schema", async () => {
    const Point = jsonSchema(schema, isPoint);
    const typed: InferSchema<typeof Point> = { x: 1 };
    expect(toJsonSchema(Point)).toEqual(schema);
    expect(await validateSchema(Point, typed)).toEqual({ ok: true, value: { x: 1 } });
    const failed = await validateSchema(Point, { x: "1" });
    expect(failed.ok).toBe(false);
  });

  it("accepts Standard results, async validators, no validator, and turns a throw into an issue", async () => {
    const standard = jsonSchema<Point>(schema, async (v) => (isPoint(v) ? { value: v } : { issues: [{ message: "bad", path: ["x"] }] }));
    expect(await validateSchema(standard, { x: 2 })).toEqual({ ok: true, value: { x: 2 } });
    expect(await validateSchema(standard, {})).toEqual({ ok: false, issues: [{ message: "bad", path: ["x"] }] });
    expect(await validateSchema(jsonSchema(schema), "anything")).toEqual({ ok: true, value: "anything" });
    const throwing = jsonSchema(schema, () => {
      throw new Error("boom");
    });
    const result = await validateSchema(throwing, {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].message).toMatch(/boom/);
  });
});

describe("validateSchema and describeIssues with zod", () => {
  it("returns the parsed value on success", async () => {
    const result = await validateSchema(Book, { title: "Dune", year: 1965, genre: "science-fiction" });
    expect(result).toEqual({ ok: true, value: { title: "Dune", year: 1965, genre: "science-fiction" } });
  });

  it("returns issues with paths on failure", async () => {
    const Shelf = z.object({ books: z.array(Book) });
    const result = await validateSchema(Shelf, {
      books: [
        { title: 1, year: null },
        { title: "ok", year: "x" },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual([
      ["books", 0, "title"],
      ["books", 1, "year"],
    ]);
    const text = describeIssues(result.issues);
    expect(text).toMatch(/^books\[0\]\.title: .*expected string.*; books\[1\]\.year: /);
  });

  it("formats odd keys, segments and long lists", () => {
    expect(describeIssues([{ message: "m", path: ["a b", { key: 2 }, "c"] }])).toBe('["a b"][2].c: m');
    expect(describeIssues([{ message: "root problem" }])).toBe("root problem");
    const many = Array.from({ length: 25 }, (_, i) => ({ message: `m${i}` }));
    expect(describeIssues(many)).toMatch(/m19; and 5 more$/);
  });
});

describe("wrapIfNeeded / unwrap", () => {
  it("leaves an object schema as it is", () => {
    const json = toJsonSchema(Book);
    expect(wrapIfNeeded(json)).toEqual({ schema: json, wrapped: false });
    expect(wrapIfNeeded(json).schema).toBe(json);
  });

  it("wraps a primitive, and unwraps the answer", async () => {
    const { schema, wrapped } = wrapIfNeeded(toJsonSchema(z.string()));
    expect(wrapped).toBe(true);
    expect(schema).toEqual({
      type: "object",
      properties: { value: { type: "string" } },
      required: ["value"],
      additionalProperties: false,
    });
    const Text = z.string();
    expect(wrapIfNeeded(toJsonSchema(Text))).toBe(wrapIfNeeded(toJsonSchema(Text)));
    const value = unwrap({ value: "hello" });
    expect(await validateSchema(z.string(), value)).toEqual({ ok: true, value: "hello" });
    expect(unwrap("bare")).toBe("bare");
    expect(unwrap([1])).toEqual([1]);
  });

  it("wraps arrays of objects, enums and literal unions", () => {
    for (const schema of [z.array(Book), z.enum(["a", "b"]), z.union([z.literal("yes"), z.literal("no")])]) {
      const json = toJsonSchema(schema);
      const result = wrapIfNeeded(json);
      expect(result.wrapped).toBe(true);
      expect((result.schema.properties as JsonSchema).value).toEqual(json);
    }
  });

  it("moves $defs to the new root and re-points references", () => {
    interface Node {
      name: string;
      children?: Node[];
    }
    const Node: z.ZodType<Node> = z.object({
      name: z.string(),
      get children() {
        return z.array(Node).optional();
      },
    });
    const wrapped = wrapIfNeeded(toJsonSchema(z.array(Node))).schema as JsonSchema & { $defs: Record<string, JsonSchema> };
    const defName = Object.keys(wrapped.$defs)[0];
    expect((wrapped.properties as JsonSchema).value).toEqual({ type: "array", items: { $ref: `#/$defs/${defName}` } });
    const selfRef = { type: "object", properties: { next: { $ref: "#" } } };
    const { schema } = wrapIfNeeded({ anyOf: [selfRef, { type: "null" }], $defs: { a: { $ref: "#/anyOf/0" } } });
    expect(JSON.stringify(schema)).toContain('"$ref":"#/properties/value"');
    expect(JSON.stringify(schema)).toContain('"$ref":"#/properties/value/anyOf/0"');
  });
});

describe("toStrictJsonSchema (OpenAI strict mode)", () => {
  it("requires every property, makes optional ones nullable, closes every object", () => {
    const strict = toStrictJsonSchema(toJsonSchema(Book));
    expect(strict).toEqual({
      type: "object",
      properties: {
        title: { type: "string" },
        author: { type: ["string", "null"] },
        year: { anyOf: [{ type: "integer", minimum: -9007199254740991, maximum: 9007199254740991 }, { type: "null" }] },
        genre: { anyOf: [{ type: "string", enum: ["fantasy", "science-fiction"] }, { type: "null" }] },
        series: {
          anyOf: [
            {
              type: "object",
              properties: { name: { type: "string" }, index: { type: ["number", "null"] } },
              required: ["name", "index"],
              additionalProperties: false,
            },
            { type: "null" },
          ],
        },
      },
      required: ["title", "author", "year", "genre", "series"],
      additionalProperties: false,
    });
    expect(strictJsonSchemaProblems(toJsonSchema(Book))).toEqual([]);
  });

  it("is cached and leaves its input alone", () => {
    const input = toJsonSchema(Book);
    expect(toStrictJsonSchema(input)).toBe(toStrictJsonSchema(input));
    expect(input.additionalProperties).toBeUndefined();
  });

  it("handles $defs, references with siblings, discriminated unions, arrays and unsupported keywords", () => {
    const Address = z.object({ city: z.string().min(1) }).meta({ id: "Address" });
    const Pet = z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("cat"), lives: z.number().default(9) }),
      z.object({ kind: z.literal("dog"), site: z.url().optional(), email: z.email() }),
    ]);
    const Person = z.object({ home: Address, work: Address.optional().describe("office"), pets: z.array(Pet) });
    const strict = toStrictJsonSchema(toJsonSchema(Person)) as Record<string, any>;
    expect(strict.$defs.Address).toEqual({
      type: "object",
      properties: { city: { type: "string" } },
      required: ["city"],
      additionalProperties: false,
    });
    expect(strict.properties.home).toEqual({ $ref: "#/$defs/Address" });
    expect(strict.properties.work).toEqual({
      anyOf: [
        { type: "object", properties: { city: { type: "string" } }, required: ["city"], additionalProperties: false },
        { type: "null" },
      ],
      description: "office",
    });
    const [cat, dog] = strict.properties.pets.items.anyOf;
    expect(strict.properties.pets.items.oneOf).toBeUndefined();
    expect(cat.properties.lives).toEqual({ type: ["number", "null"] });
    expect(dog.properties.site).toEqual({ type: ["string", "null"] });
    expect(dog.properties.email.format).toBe("email");
    expect(dog.required).toEqual(["kind", "site", "email"]);
    expect(strictJsonSchemaProblems(toJsonSchema(Person))).toEqual([]);
  });

  it("lists what strict mode cannot express", () => {
    const Open = z.object({ scores: z.record(z.string(), z.number()), pair: z.tuple([z.string(), z.number()]) });
    const problems = strictJsonSchemaProblems(toJsonSchema(Open));
    expect(problems.some((p) => p.includes("#/properties/scores") && p.includes("records"))).toBe(true);
    expect(problems.some((p) => p.includes("#/properties/pair") && p.includes("prefixItems"))).toBe(true);
    expect(strictJsonSchemaProblems(toJsonSchema(z.object({ anything: z.unknown() })))).toEqual([
      "#/properties/anything: a schema without a type (any value) cannot be strict",
    ]);
    expect(strictJsonSchemaProblems(toJsonSchema(z.string()))[0]).toMatch(/root is not an object/);
    expect(strictJsonSchemaProblems(wrapIfNeeded(toJsonSchema(z.string())).schema)).toEqual([]);
  });
});

describe("restoreOptional", () => {
  it("drops nulls for optional fields only, then the value validates", async () => {
    const original = toJsonSchema(Book);
    const answer = { title: "Dune", author: null, year: null, genre: null, series: { name: "Dune", index: null } };
    const restored = restoreOptional(answer, original);
    expect(restored).toEqual({ title: "Dune", year: null, series: { name: "Dune" } });
    expect(Object.hasOwn(restored as object, "author")).toBe(false);
    expect(answer.author).toBeNull();
    expect(await validateSchema(Book, restored)).toEqual({ ok: true, value: { title: "Dune", year: null, series: { name: "Dune" } } });
    expect((await validateSchema(Book, answer)).ok).toBe(false);
  });

  it("keeps null where the original schema allowed it, even for an optional field", () => {
    const schema = toJsonSchema(z.object({ note: z.string().nullable().optional(), any: z.unknown().optional() }));
    expect(restoreOptional({ note: null, any: null }, schema)).toEqual({ note: null, any: null });
  });

  it("follows arrays, $refs, unions and the { value } wrapper", async () => {
    const Item = z.object({ label: z.string(), hint: z.string().optional() }).meta({ id: "Item" });
    const Shape = z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("circle"), radius: z.number().optional() }),
      z.object({ kind: z.literal("square"), side: z.number().optional() }),
    ]);
    const List = z.array(z.object({ item: Item, shape: Shape }));
    const { schema: wrapped } = wrapIfNeeded(toJsonSchema(List));
    const answer = {
      value: [
        { item: { label: "a", hint: null }, shape: { kind: "square", side: null } },
        { item: { label: "b", hint: "h" }, shape: { kind: "circle", radius: 2 } },
      ],
    };
    const restored = unwrap(restoreOptional(answer, wrapped));
    expect(restored).toEqual([
      { item: { label: "a" }, shape: { kind: "square" } },
      { item: { label: "b", hint: "h" }, shape: { kind: "circle", radius: 2 } },
    ]);
    expect((await validateSchema(List, restored)).ok).toBe(true);
  });
});
