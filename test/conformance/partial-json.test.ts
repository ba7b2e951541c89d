import { describe, expect, it } from "vitest";
import { PartialJsonParser } from "../../src/core/structured/partial-json.ts";
import { ParseError } from "../../src/errors/parse-error.ts";

const DOCUMENTS = [
  `{"title":"The Hobbit","author":"J. R. R. Tolkien","year":1937,"rating":4.8,"tags":["fantasy","classic"]}`,
  `{"a":1,"b":[true,false,null,"x\\u00e9\\ud83d\\ude00\\n"],"c":{"d":-1.5e3,"e":[]},"f":{}}`,
  ` { "esc" : "quote \\" backslash \\\\ slash \\/ \\b\\f\\n\\r\\t end" , "n" : [ 0 , -0 , 12 , 3.25 , 1E+2 , 2e-7 , -0.5e10 ] } `,
  `[{"name":"a","children":[{"name":"b","children":[]}]},{"name":"c","children":[{"name":"d","children":[{"name":"e","children":[]}]}]}]`,
  `"a root string with \\"escapes\\" and \\ud83c\\udf89 emoji and ünïcödé 🎉 raw"`,
  `12345.678`,
  `true`,
  `null`,
  `[]`,
  `{}`,
  `["", "", {"": ""}]`,
  `{"big":123456789012345678901234567890,"small":1e-320,"neg":-9007199254740993}`,
  `{"dup":"first","dup":"second longer"}`,
  `\n\t[\r\n1\n,\t2 ,3\r]\n`,
  `{"text":"line1\\nline2\\u0000nul\\u001f","snowman":"\\u2603","pair":"\\uD834\\uDD1E","lone":"\\ud800x"}`,
];

/** A small seeded PRNG (mulberry32), so random splits are reproducible. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function parseInPieces(text: string, cuts: number[]): unknown {
  const parser = new PartialJsonParser();
  let start = 0;
  for (const cut of [...cuts, text.length]) {
    parser.push(text.slice(start, cut));
    start = cut;
  }
  return parser.end();
}

/** Whether `earlier` is a prefix of `later`: strings grow, numbers and literals never change, containers only gain. */
function isPrefix(earlier: unknown, later: unknown): boolean {
  if (earlier === undefined) return true;
  if (typeof earlier === "string") return typeof later === "string" && later.startsWith(earlier);
  if (Array.isArray(earlier)) {
    return Array.isArray(later) && later.length >= earlier.length && earlier.every((item, i) => isPrefix(item, later[i]));
  }
  if (typeof earlier === "object" && earlier !== null) {
    if (typeof later !== "object" || later === null || Array.isArray(later)) return false;
    return Object.keys(earlier).every((key) => Object.hasOwn(later, key) && isPrefix((earlier as never)[key], (later as never)[key]));
  }
  return Object.is(earlier, later);
}

/** Checks a partial snapshot: every string never ends in a lone high surrogate. */
function hasNoDanglingSurrogate(value: unknown): boolean {
  if (typeof value === "string") {
    const last = value.charCodeAt(value.length - 1);
    return !(last >= 0xd800 && last <= 0xdbff);
  }
  if (typeof value === "object" && value !== null) return Object.values(value).every(hasNoDanglingSurrogate);
  return true;
}

describe("partial JSON: final values", () => {
  for (const [index, doc] of DOCUMENTS.entries()) {
    it(`document ${index} split at every position equals JSON.parse`, () => {
      const expected = JSON.parse(doc);
      for (let cut = 0; cut <= doc.length; cut++) expect(parseInPieces(doc, [cut])).toEqual(expected);
    });

    it(`document ${index} in random seeded fragments equals JSON.parse`, () => {
      const next = random(index + 1);
      for (let round = 0; round < 40; round++) {
        const cuts = Array.from({ length: 1 + Math.floor(next() * 8) }, () => Math.floor(next() * doc.length));
        expect(
          parseInPieces(
            doc,
            cuts.sort((a, b) => a - b),
          ),
        ).toEqual(JSON.parse(doc));
      }
    });
  }

  it("keeps a `__proto__` key as an own property without touching the prototype", () => {
    const value = parseInPieces(`{"__proto__":{"polluted":"yes"},"a":1}`, [5, 20]) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__", "a"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("handles deep nesting without recursion", () => {
    const depth = 5000;
    const doc = "[".repeat(depth) + `{"k":"v"}` + "]".repeat(depth);
    const parser = new PartialJsonParser();
    for (let i = 0; i < doc.length; i += 37) parser.push(doc.slice(i, i + 37));
    let node = parser.end();
    for (let level = 0; level < depth; level++) {
      expect(Array.isArray(node) && node.length === 1).toBe(true);
      node = (node as unknown[])[0];
    }
    expect(node).toEqual({ k: "v" });
    const objects = `{"a":`.repeat(depth) + "1" + "}".repeat(depth);
    const objectParser = new PartialJsonParser();
    objectParser.push(objects);
    let inner = objectParser.end();
    for (let level = 0; level < depth; level++) inner = (inner as { a: unknown }).a;
    expect(inner).toBe(1);
  });
});

describe("partial JSON: snapshots never move backward", () => {
  // A repeated key restarts its value (JSON.parse keeps the last one), so that document is left out here.
  for (const [index, doc] of DOCUMENTS.entries()) {
    if (doc.includes(`"dup"`)) continue;
    it(`document ${index} read one character at a time`, () => {
      const parser = new PartialJsonParser();
      const final = JSON.parse(doc);
      let previous: unknown;
      for (const char of doc.split("")) {
        parser.push(char);
        const current = parser.snapshot();
        expect(isPrefix(previous, current), `${JSON.stringify(previous)} → ${JSON.stringify(current)}`).toBe(true);
        expect(isPrefix(current, final), `${JSON.stringify(current)} is not a prefix of the final value`).toBe(true);
        expect(hasNoDanglingSurrogate(current)).toBe(true);
        previous = current;
      }
      expect(parser.end()).toEqual(final);
    });
  }

  it("shows a number only once a delimiter follows it", () => {
    const parser = new PartialJsonParser();
    parser.push(`{"n":12`);
    expect(parser.value).toEqual({});
    parser.push(`3`);
    expect(parser.value).toEqual({});
    parser.push(`,`);
    expect(parser.value).toEqual({ n: 123 });
    const root = new PartialJsonParser();
    root.push("42");
    expect(root.value).toBeUndefined();
    expect(root.end()).toBe(42);
  });

  it("shows a key only when its value starts, and literals once complete", () => {
    const parser = new PartialJsonParser();
    parser.push(`{"tit`);
    expect(parser.value).toEqual({});
    parser.push(`le"  :  `);
    expect(parser.value).toEqual({});
    parser.push(`"`);
    expect(parser.value).toEqual({ title: "" });
    parser.push(`Dune", "ok": tr`);
    expect(parser.value).toEqual({ title: "Dune" });
    parser.push(`ue, "list": [`);
    expect(parser.value).toEqual({ title: "Dune", ok: true, list: [] });
    parser.push(`nul`);
    expect(parser.value).toEqual({ title: "Dune", ok: true, list: [] });
    parser.push(`l]}`);
    expect(parser.end()).toEqual({ title: "Dune", ok: true, list: [null] });
  });

  it("returns the same live root object on every read, and reports changes", () => {
    const parser = new PartialJsonParser();
    expect(parser.push(`{"a":`)).toBe(true);
    const root = parser.value;
    expect(parser.push(`   `)).toBe(false);
    expect(parser.push(`"x`)).toBe(true);
    expect(parser.push(`\\`)).toBe(false);
    expect(parser.version).toBe(2);
    expect(parser.push(`n"`)).toBe(true);
    expect(parser.value).toBe(root);
    expect(root).toEqual({ a: "x\n" });
    const copy = parser.snapshot();
    parser.push(`, "b": 1}`);
    expect(copy).toEqual({ a: "x\n" });
    expect(parser.end()).toBe(root);
    expect(parser.text).toBe(`{"a":   "x\\n", "b": 1}`);
  });
});

describe("partial JSON: escapes split across chunks", () => {
  const cases = [`"a\\nb\\"c\\\\d\\/e\\tf"`, `"caf\\u00e9 \\u00E9"`, `"smile \\ud83d\\ude00!"`, `"raw 😀 pair"`, `"\\ud83d\\ude00"`];
  for (const doc of cases) {
    it(`${doc} at every split position, and in three pieces`, () => {
      for (let a = 0; a <= doc.length; a++) {
        expect(parseInPieces(doc, [a])).toBe(JSON.parse(doc));
        for (let b = a; b <= doc.length; b++) expect(parseInPieces(doc, [a, b])).toBe(JSON.parse(doc));
      }
    });
  }

  it("holds back a high surrogate until its low half arrives", () => {
    const parser = new PartialJsonParser();
    parser.push(`["ab\\ud83d`);
    expect(parser.value).toEqual(["ab"]);
    parser.push(`\\ude0`);
    expect(parser.value).toEqual(["ab"]);
    parser.push(`0`);
    expect(parser.value).toEqual(["ab😀"]);
    const raw = new PartialJsonParser();
    raw.push(`"x\ud83d`);
    expect(raw.value).toBe("x");
    raw.push(`\ude00"`);
    expect(raw.end()).toBe("x😀");
  });
});

describe("partial JSON: invalid input", () => {
  const invalid = [
    `{"a" 1}`,
    `[1,]`,
    `{"a":1,}`,
    `01`,
    `1.`,
    `-`,
    `1e`,
    `tru`,
    `trux`,
    `"abc`,
    `{"a":"\\x"}`,
    `"\\u12G4"`,
    `"tab\there"`,
    `[1 2]`,
    `{} {}`,
    `{]`,
    `[}`,
    `nul l`,
    `{"a":1`,
    `{a:1}`,
    `'x'`,
    `[,1]`,
    `+1`,
    `.5`,
    `NaN`,
    ``,
    `   `,
  ];
  for (const doc of invalid) {
    it(`rejects ${JSON.stringify(doc)} like JSON.parse does, in any split`, () => {
      expect(() => JSON.parse(doc)).toThrow();
      for (let cut = 0; cut <= doc.length; cut++) {
        let error: unknown;
        try {
          parseInPieces(doc, [cut]);
        } catch (caught) {
          error = caught;
        }
        expect(ParseError.isInstance(error)).toBe(true);
        expect(error).toBeInstanceOf(ParseError);
        expect(doc.startsWith((error as { raw: string }).raw)).toBe(true);
      }
    });
  }

  it("stays failed after an error, and says where", () => {
    const parser = new PartialJsonParser();
    parser.push(`{"a":1`);
    expect(() => parser.push(` x`)).toThrow(/position 7/);
    expect(() => parser.push(`}`)).toThrow(/position 7/);
    expect(() => parser.end()).toThrow(/position 7/);
  });

  it("reports a cut-off document at end()", () => {
    const parser = new PartialJsonParser();
    parser.push(`{"a":"unfinished`);
    expect(() => parser.end()).toThrow(/Unexpected end of JSON input/);
  });
});

describe("partial JSON: lenient mode", () => {
  it("skips a markdown fence or a sentence before the JSON and ignores text after it", () => {
    for (const text of ['```json\n{"a":[1,2]}\n```', 'Here it is: {"a":[1,2]} Enjoy!', '{"a":[1,2]}']) {
      const parser = new PartialJsonParser({ lenient: true });
      for (let i = 0; i < text.length; i += 3) parser.push(text.slice(i, i + 3));
      expect(parser.end()).toEqual({ a: [1, 2] });
    }
    const strict = new PartialJsonParser();
    expect(() => strict.push("```json\n{}")).toThrow(/position 0/);
    const empty = new PartialJsonParser({ lenient: true });
    empty.push("no json here");
    expect(() => empty.end()).toThrow(/before any JSON/);
  });
});

describe("partial JSON: linear work", () => {
  function bigDocument(targetLength: number, seed: number): string {
    const next = random(seed);
    const items: unknown[] = [];
    let length = 0;
    while (length < targetLength) {
      const item = {
        id: items.length,
        title: `Book ${Math.floor(next() * 1e6)} "quoted" \\ ${"é😀\n".repeat(1 + Math.floor(next() * 3))}`,
        score: Math.round(next() * 1e6) / 1e3,
        tags: ["a", "bb", "ccc"].slice(0, 1 + Math.floor(next() * 3)),
        meta: { ok: next() > 0.5, note: null, nested: [[1, 2], { deep: "x".repeat(Math.floor(next() * 80)) }] },
      };
      items.push(item);
      length += JSON.stringify(item).length + 1;
    }
    return JSON.stringify({ items });
  }

  function stepsFor(doc: string, fragment: number): number {
    const parser = new PartialJsonParser();
    for (let i = 0; i < doc.length; i += fragment) parser.push(doc.slice(i, i + fragment));
    expect(parser.end()).toEqual(JSON.parse(doc));
    return parser.steps;
  }

  it("examines each character of a 200 KB document about once, whatever the fragment size", () => {
    const doc = bigDocument(200_000, 7);
    const numbers = doc.match(/-?\d+(\.\d+)?([eE][+-]?\d+)?(?=[,\]}])/g)?.length ?? 0;
    const inFragments = stepsFor(doc, 50);
    expect(inFragments).toBeGreaterThanOrEqual(doc.length);
    expect(inFragments).toBeLessThanOrEqual(doc.length + numbers);
    expect(stepsFor(doc, doc.length)).toBe(inFragments);
  });

  it("does twice the work for a document twice as long", () => {
    const small = bigDocument(100_000, 11);
    const large = bigDocument(200_000, 11);
    const ratio = stepsFor(large, 50) / stepsFor(small, 50);
    const lengthRatio = large.length / small.length;
    expect(ratio).toBeGreaterThan(lengthRatio * 0.95);
    expect(ratio).toBeLessThan(lengthRatio * 1.05);
  });

  it("grows one long string in place without rebuilding the tree", () => {
    const parser = new PartialJsonParser();
    parser.push(`{"essay":"`);
    const root = parser.value as { essay: string };
    for (let i = 0; i < 4000; i++) parser.push("lorem ipsum dolor sit amet, consectetur adipiscing ");
    expect(parser.value).toBe(root);
    expect(root.essay.length).toBe(4000 * 51);
    parser.push(`"}`);
    expect(parser.end()).toBe(root);
  });
});
