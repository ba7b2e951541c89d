// src/ must run on the web platform alone: no Node modules, Buffer, require, eval/new Function,
// and no `process` except the guarded API-key lookup in src/http/env.ts.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { checkConformanceSource, checkSource, type Violation } from "../support/source-rules.ts";

const root = join(import.meta.dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(?:[cm]?[jt]s|tsx)$/.test(name)) out.push(path);
  }
  return out;
}

const check = (file: string, source: string): Violation[] => checkSource(file, source, builtinModules);
const rules = (file: string, source: string): string[] => check(file, source).map((v) => v.rule);

describe("source rules", () => {
  it("src/ keeps to web-platform globals", () => {
    const files = sourceFiles(join(root, "src"));
    expect(files.length).toBeGreaterThan(0);
    const violations = files.flatMap((path) => check(relative(root, path).split(sep).join("/"), readFileSync(path, "utf8")));
    const report = violations.map((v) => `${v.file}:${v.line} ${v.rule}: ${v.text}`).join("\n");
    expect(report, `source rule violations:\n${report}`).toBe("");
  });

  const bad: Array<[string, string]> = [
    ['import { readFile } from "node:fs/promises";', "imports a Node built-in module"],
    ["import fs from 'fs';", "imports a Node built-in module"],
    ['import "node:process";', "imports a Node built-in module"],
    ['const m = await import("node:crypto");', "imports a Node built-in module"],
    ['export { x } from "node:util";', "imports a Node built-in module"],
    ['const b = Buffer.from("x");', "uses Buffer"],
    ["const b = globalThis.Buffer;", "uses Buffer"],
    ['const x = require("./x");', "uses require()"],
    ['eval("1 + 1");', "uses eval()"],
    ['const f = new Function("return 1");', "uses new Function / Function()"],
    ["const key = process.env.OPENAI_API_KEY;", "uses process (only src/http/env.ts may, guarded)"],
    ["const key = globalThis.process?.env.KEY;", "uses process (only src/http/env.ts may, guarded)"],
    ["const s = `${process.env.X}`;", "uses process (only src/http/env.ts may, guarded)"],
  ];
  for (const [sample, rule] of bad) {
    it(`catches: ${sample}`, () => {
      expect(rules("src/core/sample.ts", sample)).toContain(rule);
    });
  }

  it("requires relative imports to name their file extension", () => {
    expect(rules("src/core/sample.ts", 'import { parse } from "../core/parse";')).toContain(
      "imports a relative path without its file extension",
    );
    expect(rules("src/core/sample.ts", 'const m = await import("./structured");')).toContain(
      "imports a relative path without its file extension",
    );
    expect(check("src/core/sample.ts", 'import { parse } from "./parse.ts";\nexport { x } from "eventsource-parser";')).toEqual([]);
  });

  it("ignores comments, strings, regexes and look-alike names", () => {
    const sample = [
      "// process.env, Buffer, require(x), eval(y) in a comment",
      "/* import fs from 'node:fs' */",
      'const s = "process.env and Buffer and require(";',
      "const t = `eval(${1 + 1}) new Function(`;",
      "const r = /process|Buffer/g;",
      "function q(s: string) { return /'/.test(s) ? 'Buffer' : 1; }",
      "const a = new ArrayBuffer(8); const v = isBuffer(a); task.process(); obj.require(1);",
      'import { parse } from "../core/parse.ts";',
    ].join("\n");
    expect(check("src/core/sample.ts", sample)).toEqual([]);
  });

  it("allows src/http/env.ts only a guarded optional process lookup", () => {
    const guarded = [
      "type G = { process?: { env?: Record<string, string | undefined> } };",
      "export function readEnv(name: string): string | undefined {",
      "  try {",
      "    return (globalThis as G).process?.env?.[name];",
      "  } catch {",
      "    return undefined;",
      "  }",
      "}",
    ].join("\n");
    expect(check("src/http/env.ts", guarded)).toEqual([]);
    expect(rules("src/http/env.ts", "export const k = process.env.KEY;")).toContain("reads process outside a guarded optional lookup");
    expect(rules("src/http/env.ts", "export const k = (globalThis as G).process?.env;")).toContain("reads process without a try guard");
    expect(rules("src/http/env.ts", "try { x = globalThis.process.env; } catch {}")).toContain(
      "reads process outside a guarded optional lookup",
    );
  });

  it("test/conformance/ keeps to the vitest API and web globals", () => {
    const files = sourceFiles(join(root, "test", "conformance"));
    const violations = files.flatMap((path) =>
      checkConformanceSource(relative(root, path).split(sep).join("/"), readFileSync(path, "utf8"), builtinModules),
    );
    const report = violations.map((v) => `${v.file}:${v.line} ${v.rule}: ${v.text}`).join("\n");
    expect(report, `conformance rule violations:\n${report}`).toBe("");
  });

  const badConformance: Array<[string, string]> = [
    ['import { describe, it, vi } from "vitest";', "uses vi (mocks, fake timers)"],
    ["vi.useFakeTimers();", "uses vi (mocks, fake timers)"],
    ['it.skip("later", () => {});', "skips or focuses tests"],
    ['describe.only("x", () => {});', "skips or focuses tests"],
    ["expect.soft(1).toBe(1);", "uses expect.soft"],
    ["expect(x).toMatchInlineSnapshot();", "uses snapshots"],
    ['import { readFileSync } from "node:fs";', "imports a Node built-in module"],
  ];
  for (const [sample, rule] of badConformance) {
    it(`catches in a conformance file: ${sample}`, () => {
      expect(checkConformanceSource("test/conformance/x.test.ts", sample, builtinModules).map((v) => v.rule)).toContain(rule);
    });
  }

  it("accepts a plain conformance file", () => {
    const sample =
      'import { describe, expect, it } from "vitest";\nimport { fixtures } from "../fixtures/index.ts";\nit("x", () => expect(fixtures).toBeTruthy());';
    expect(checkConformanceSource("test/conformance/x.test.ts", sample, builtinModules)).toEqual([]);
  });

  it("reports the line of a violation", () => {
    expect(check("src/a.ts", "const a = 1;\n\nconst b = Buffer.alloc(1);")[0]).toMatchObject({ line: 3, rule: "uses Buffer" });
  });
});
