// The rules that keep src/ runnable on every web-platform runtime, as a pure checker over source
// text (so it can be tested on bad samples). Used by test/node/source-rules.test.ts.

/** One broken rule in one file. */
export interface Violation {
  file: string;
  line: number;
  rule: string;
  text: string;
}

/** The one file allowed to read `process`, and only as a guarded optional lookup. */
export const ENV_FILE = "src/http/env.ts";

/**
 * Splits source into two views of equal length: `code` with comments and string/template/regex
 * contents blanked, and `withStrings` with only comments blanked (to see import specifiers).
 * Blanking keeps newlines so that offsets map to the same line numbers.
 */
export function stripSource(src: string): { code: string; withStrings: string } {
  const code: string[] = [];
  const withStrings: string[] = [];
  let lastSignificant = "";
  const keep = (c: string) => {
    code.push(c);
    withStrings.push(c);
    if (c.trim()) lastSignificant = c;
  };
  const blank = (c: string, inString: boolean) => {
    const b = c === "\n" ? "\n" : " ";
    code.push(b);
    withStrings.push(inString ? c : b);
  };
  const templateDepth: number[] = [];
  let braceDepth = 0;
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    const next = src[i + 1];
    if (c === "/" && next === "/") {
      while (i < src.length && src[i] !== "\n") blank(src[i++], false);
    } else if (c === "/" && next === "*") {
      const end = src.indexOf("*/", i + 2);
      const stop = end === -1 ? src.length : end + 2;
      while (i < stop) blank(src[i++], false);
    } else if (c === '"' || c === "'") {
      keep(src[i++]);
      while (i < src.length && src[i] !== c && src[i] !== "\n") {
        if (src[i] === "\\") blank(src[i++], true);
        if (i < src.length) blank(src[i++], true);
      }
      if (i < src.length) keep(src[i++]);
    } else if (c === "`" || (c === "}" && templateDepth.length > 0 && templateDepth[templateDepth.length - 1] === braceDepth)) {
      if (c === "}") templateDepth.pop();
      keep(src[i++]);
      while (i < src.length && src[i] !== "`" && !(src[i] === "$" && src[i + 1] === "{")) {
        if (src[i] === "\\") blank(src[i++], true);
        if (i < src.length) blank(src[i++], true);
      }
      if (src[i] === "$") {
        keep(src[i++]);
        keep(src[i++]);
        templateDepth.push(braceDepth);
      } else if (i < src.length) keep(src[i++]);
    } else if (c === "/" && (/^$|[(,=:[!&|?{};+\-*%<>~^]$/.test(lastSignificant) || REGEX_KEYWORDS.has(trailingWord(code)))) {
      // A regex literal (a division never follows these characters).
      keep(src[i++]);
      let inClass = false;
      while (i < src.length && src[i] !== "\n" && (inClass || src[i] !== "/")) {
        if (src[i] === "[") inClass = true;
        else if (src[i] === "]") inClass = false;
        if (src[i] === "\\") blank(src[i++], true);
        if (i < src.length) blank(src[i++], true);
      }
      if (i < src.length) keep(src[i++]);
    } else {
      if (c === "{") braceDepth++;
      else if (c === "}") braceDepth--;
      keep(src[i++]);
    }
  }
  return { code: code.join(""), withStrings: withStrings.join("") };
}

/** Keywords after which a `/` starts a regex literal rather than a division. */
const REGEX_KEYWORDS = new Set([
  "return",
  "typeof",
  "case",
  "in",
  "of",
  "void",
  "yield",
  "await",
  "delete",
  "throw",
  "new",
  "else",
  "do",
  "instanceof",
]);

/** The identifier that ends the code emitted so far (ignoring trailing whitespace). */
function trailingWord(code: string[]): string {
  let j = code.length - 1;
  while (j >= 0 && !code[j].trim()) j--;
  let word = "";
  while (j >= 0 && /[\w$]/.test(code[j])) word = code[j--] + word;
  return word;
}

interface Rule {
  rule: string;
  pattern: RegExp;
  view: "code" | "withStrings";
}

/** Node built-in module names (given by the caller, e.g. from node:module's builtinModules). */
function importRules(builtins: readonly string[]): Rule[] {
  const names = builtins.filter((b) => !b.startsWith("_")).map((b) => b.replace(/[/]/g, "\\/"));
  const spec = `["'](?:node:[^"']+|(?:${names.join("|")})(?:\\/[^"']*)?)["']`;
  return [
    { rule: "imports a Node built-in module", pattern: new RegExp(`\\b(?:from|import)\\s*\\(?\\s*${spec}`, "g"), view: "withStrings" },
    { rule: "imports a Node built-in module", pattern: new RegExp(`\\bimport\\s+${spec}`, "g"), view: "withStrings" },
  ];
}

const CODE_RULES: Rule[] = [
  { rule: "uses Buffer", pattern: /(?<![\w$])Buffer(?![\w$])/g, view: "code" },
  { rule: "uses require()", pattern: /(?<![\w$.])require\s*\(/g, view: "code" },
  { rule: "uses eval()", pattern: /(?<![\w$])eval\s*\(/g, view: "code" },
  { rule: "uses new Function / Function()", pattern: /(?<![\w$.])(?:new\s+)?Function\s*\(/g, view: "code" },
  {
    // Deno and Node run src/ as it is only when every relative import names its file.
    rule: "imports a relative path without its file extension",
    pattern: /(?:\bfrom|\bimport)\s*\(?\s*["']\.{1,2}\/[^"']*(?<!\.ts|\.js|\.mjs|\.json)["']/g,
    view: "withStrings",
  },
];

/** `process` as a global (not a property of something else) — banned everywhere but ENV_FILE. */
const GLOBAL_PROCESS = /(?<![\w$.])process(?![\w$])|\b(?:globalThis|self|window|global)\s*\.\s*process\b/g;

/**
 * In ENV_FILE, `process` may appear only as an optional property read (`….process?.…`) or as a
 * key of a type literal (`process?: …`), and the file must guard the lookup with `try`.
 */
function envFileViolations(file: string, code: string): Violation[] {
  const out: Violation[] = [];
  for (const m of code.matchAll(/(?<![\w$])process(?![\w$])/g)) {
    const before = code.slice(0, m.index).trimEnd();
    const after = code.slice(m.index + m[0].length).trimStart();
    const optionalRead = before.endsWith(".") && after.startsWith("?.");
    const typeKey = /^\??\s*:/.test(after) && /[{;,]$/.test(before);
    if (!optionalRead && !typeKey) out.push(violation(file, code, m.index, "reads process outside a guarded optional lookup", m[0]));
  }
  if (out.length === 0 && /(?<![\w$])process(?![\w$])/.test(code) && !/\btry\s*\{/.test(code)) {
    out.push({ file, line: 1, rule: "reads process without a try guard", text: "process" });
  }
  return out;
}

function violation(file: string, text: string, index: number, rule: string, match: string): Violation {
  const line = text.slice(0, index).split("\n").length;
  return { file, line, rule, text: match.trim() };
}

/**
 * Checks one source file. `file` is its path relative to the repo root ("src/…"), which decides
 * whether the guarded `process` lookup is allowed.
 */
export function checkSource(file: string, source: string, builtins: readonly string[]): Violation[] {
  const views = stripSource(source);
  const out: Violation[] = [];
  for (const { rule, pattern, view } of [...importRules(builtins), ...CODE_RULES]) {
    for (const m of views[view].matchAll(pattern)) out.push(violation(file, views[view], m.index, rule, m[0]));
  }
  if (file === ENV_FILE) out.push(...envFileViolations(file, views.code));
  else
    for (const m of views.code.matchAll(GLOBAL_PROCESS))
      out.push(violation(file, views.code, m.index, "uses process (only src/http/env.ts may, guarded)", m[0]));
  return out;
}

const CONFORMANCE_RULES: Rule[] = [
  {
    rule: "uses vi (mocks, fake timers)",
    pattern: /\bimport\s*\{[^}]*\bvi\b[^}]*\}\s*from\s*["']vitest["']|(?<![\w$.])vi\s*\./g,
    view: "withStrings",
  },
  { rule: "skips or focuses tests", pattern: /\b(?:it|test|describe|suite)\s*\.\s*(?:skip|only|todo|skipIf|runIf|fails)\b/g, view: "code" },
  { rule: "uses expect.soft", pattern: /\bexpect\s*\.\s*soft\b/g, view: "code" },
  {
    rule: "uses snapshots",
    pattern: /\.\s*to(?:Match|Throw)(?:Inline|File)?(?:Error)?Snapshot\s*\(|\.toMatchFileSnapshot\s*\(/g,
    view: "code",
  },
  { rule: "uses require()", pattern: /(?<![\w$.])require\s*\(/g, view: "code" },
];

/**
 * Checks a test/conformance file: it must run unchanged in Node, Chromium, workerd and Deno, so it
 * keeps to the vitest API (no vi, skips, soft expects or snapshots) and imports no Node module.
 */
export function checkConformanceSource(file: string, source: string, builtins: readonly string[]): Violation[] {
  const views = stripSource(source);
  const out: Violation[] = [];
  for (const { rule, pattern, view } of [...importRules(builtins), ...CONFORMANCE_RULES]) {
    for (const m of views[view].matchAll(pattern)) out.push(violation(file, views[view], m.index, rule, m[0]));
  }
  return out;
}
