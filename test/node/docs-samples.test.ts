// Every TypeScript/JavaScript sample in README.md and docs/*.md must be run by a test or an example
// check: its code lines appear, in order and contiguous, in test/conformance/*.test.ts or examples/**.
// Lines are compared trimmed; blank lines, import statements and `export default <name>;` are ignored
// (they are module boilerplate that cannot sit inside an `it(...)`); comments are kept.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const CHECKED_LANGUAGES = new Set(["ts", "typescript", "js", "javascript", "tsx", "jsx", "mjs"]);

/** A fenced code block of a checked language. */
interface Sample {
  doc: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The block's normalised code lines. */
  lines: string[];
}

/** A source file (test or example) that may run samples. */
interface Source {
  path: string;
  lines: string[];
}

const IMPORT_STATEMENT = /^[ \t]*import\s+(?:type\s+)?(?:[\w$*{}\s,]+?\s+from\s*)?["'][^"'\n]+["'];?[ \t]*$/gm;
const EXPORT_DEFAULT_NAME = /^export default [\w$]+;?$/;

/** Trimmed, non-blank code lines without import statements or `export default name;`. */
function normalise(code: string): string[] {
  return code
    .replace(IMPORT_STATEMENT, "")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !EXPORT_DEFAULT_NAME.test(l));
}

/** The checked fenced blocks of a markdown text (other languages and bare fences are exempt). */
function extractSamples(doc: string, markdown: string): Sample[] {
  const samples: Sample[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]);
    if (!open) continue;
    const fence = open[2];
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i].trim().startsWith(fence); i++) body.push(lines[i]);
    if (CHECKED_LANGUAGES.has(open[3].toLowerCase())) {
      samples.push({ doc, line: start + 1, lines: normalise(body.join("\n")) });
    }
  }
  return samples;
}

/** True when `needle` occurs as a contiguous run of `haystack`. */
function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return true;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Where a doc's samples are expected to be tested. */
function testFileFor(doc: string): string {
  const page = doc
    .replace(/^docs\//, "")
    .replace(/\.md$/, "")
    .toLowerCase();
  return `test/conformance/docs-${page}.test.ts`;
}

/** One message per sample that no source runs. */
function unrunSamples(samples: readonly Sample[], sources: readonly Source[]): string[] {
  return samples
    .filter((s) => !sources.some((src) => containsRun(src.lines, s.lines)))
    .map(
      (s) =>
        `${s.doc}:${s.line}: the sample starting \`${s.lines[0] ?? ""}\` is not run by any test. ` +
        `Put it verbatim (any indentation) inside an it(...) in ${testFileFor(s.doc)}, ` +
        `or in an example under examples/ that a test runs.`,
    );
}

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, keep));
    else if (keep(name)) out.push(path);
  }
  return out;
}

const rel = (path: string) => relative(root, path).split(sep).join("/");

function loadSamples(): Sample[] {
  const docs = [join(root, "README.md"), ...filesUnder(join(root, "docs"), (n) => n.endsWith(".md"))];
  return docs.flatMap((path) => extractSamples(rel(path), readFileSync(path, "utf8")));
}

function loadSources(): Source[] {
  const tests = readdirSync(join(root, "test", "conformance"))
    .filter((n) => n.endsWith(".test.ts"))
    .map((n) => join(root, "test", "conformance", n));
  const examples = filesUnder(join(root, "examples"), (n) => /\.(?:[cm]?[jt]s|tsx|jsx|html)$/.test(n));
  return [...tests, ...examples].map((path) => ({ path: rel(path), lines: normalise(readFileSync(path, "utf8")) }));
}

describe("docs samples", () => {
  it("every ts/js sample in README.md and docs/ is run by a test or an example", () => {
    const samples = loadSamples();
    expect(samples.length).toBeGreaterThan(40);
    const report = unrunSamples(samples, loadSources());
    expect(report.join("\n"), "samples not run by any test").toBe("");
  });

  it("every docs page has its own test file", () => {
    const pages = filesUnder(join(root, "docs"), (n) => n.endsWith(".md")).map(rel);
    const missing = pages
      .filter((doc) => extractSamples(doc, readFileSync(join(root, doc), "utf8")).length > 0)
      .map(testFileFor)
      .filter((file) => {
        try {
          return !statSync(join(root, file)).isFile();
        } catch {
          return true;
        }
      });
    expect(missing).toEqual([]);
  });
});

describe("the docs sample checker", () => {
  const doc = [
    "# Page",
    "```ts",
    'import { openai } from "promptcall/openai";',
    "",
    "const a = 1; // one",
    "  const b = a + 1;",
    "```",
    "```sh",
    "npm test",
    "```",
    "```json",
    '{ "a": 1 }',
    "```",
    "```js",
    "console.log(missing);",
    "```",
  ].join("\n");

  it("extracts ts and js blocks only, without imports and blank lines", () => {
    const samples = extractSamples("docs/page.md", doc);
    expect(samples.map((s) => [s.line, s.lines])).toEqual([
      [2, ["const a = 1; // one", "const b = a + 1;"]],
      [14, ["console.log(missing);"]],
    ]);
  });

  it("accepts a sample run verbatim at any indentation, and names the missing one", () => {
    const test = normalise(
      ['import { it } from "vitest";', 'it("runs", () => {', "    const a = 1; // one", "", "    const b = a + 1;", "});"].join("\n"),
    );
    const report = unrunSamples(extractSamples("docs/page.md", doc), [{ path: "test/conformance/docs-page.test.ts", lines: test }]);
    expect(report).toHaveLength(1);
    expect(report[0]).toContain("docs/page.md:14");
    expect(report[0]).toContain("`console.log(missing);`");
    expect(report[0]).toContain("test/conformance/docs-page.test.ts");
  });

  it("rejects a sample whose lines are changed, reordered or split apart", () => {
    const samples = extractSamples("README.md", doc).slice(0, 1);
    for (const body of [
      ["const a = 1;", "const b = a + 1;"], // comment dropped
      ["const b = a + 1;", "const a = 1; // one"],
      ["const a = 1; // one", "expect(a).toBe(1);", "const b = a + 1;"],
    ]) {
      const report = unrunSamples(samples, [{ path: "t", lines: normalise(body.join("\n")) }]);
      expect(report[0]).toContain("README.md:2");
      expect(report[0]).toContain("test/conformance/docs-readme.test.ts");
    }
  });

  it("ignores multi-line imports and `export default name;`", () => {
    const code = 'import {\n  a,\n  type B,\n} from "x";\nimport "y";\nconst worker = { a };\nexport default worker;';
    expect(normalise(code)).toEqual(["const worker = { a };"]);
  });
});
