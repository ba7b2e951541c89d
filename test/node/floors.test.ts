// The layout is the architecture (ARCHITECTURE.md): each folder of src/ is a floor, and a file
// imports (statically, dynamically or for types) only from its own floor or the floors below it.
// A provider imports no other provider, except the Vertex AI provider, which serves Google's and
// Anthropic's models with their own pieces.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const src = join(root, "src");

/** Floor of each top-level folder of src/ (files directly in src/ are entries: the top). */
const FLOORS: Record<string, number> = {
  errors: 0,
  "web-streams": 1,
  http: 2,
  core: 3,
  providers: 4,
  llm: 5,
  browser: 5,
  testing: 5,
  otel: 5,
  mcp: 5,
  worker: 6,
};
const ENTRY_FLOOR = 7;
/** Providers that are built from other providers' pieces. */
const PROVIDER_USES: Record<string, string[]> = { vertex: ["google", "anthropic"] };

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g;

/** The top folder of a src/ path, or "" for a file directly in src/. */
function folderOf(path: string): string[] {
  const parts = relative(src, path).split(sep);
  return parts.length === 1 ? [""] : parts;
}

function floorOf(path: string): number {
  const [top] = folderOf(path);
  if (top === "") return ENTRY_FLOOR;
  const floor = FLOORS[top];
  if (floor === undefined) throw new Error(`src/${top}/ has no floor: add it to FLOORS here and to ARCHITECTURE.md`);
  return floor;
}

/** The imports of one file that break the layout, as "from → to (why)". */
function violationsOf(file: string, source: string): string[] {
  const out: string[] = [];
  const text = source.replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, "$1");
  for (const m of text.matchAll(SPECIFIER)) {
    const target = resolve(dirname(file), m[1]);
    const from = relative(root, file);
    const to = relative(root, target);
    if (!target.startsWith(src + sep)) continue;
    if (floorOf(target) > floorOf(file)) out.push(`${from} → ${to} (floor ${floorOf(file)} imports floor ${floorOf(target)})`);
    const [fromTop, fromProvider] = folderOf(file);
    const [toTop, toProvider] = folderOf(target);
    if (fromTop === "providers" && toTop === "providers" && fromProvider !== toProvider) {
      if (!(PROVIDER_USES[fromProvider] ?? []).includes(toProvider)) out.push(`${from} → ${to} (a provider imports another provider)`);
    }
  }
  return out;
}

/** Every import in src/ that breaks the layout. */
function layoutViolations(): string[] {
  return walk(src).flatMap((file) => violationsOf(file, readFileSync(file, "utf8")));
}

describe("floors (ARCHITECTURE.md)", () => {
  it("every folder of src/ has a floor", () => {
    const tops = readdirSync(src).filter((name) => statSync(join(src, name)).isDirectory());
    expect(tops.filter((top) => FLOORS[top] === undefined)).toEqual([]);
  });

  it("sees an import from a floor above, a lazy one too, and one provider importing another", () => {
    expect(violationsOf(join(src, "errors", "x.ts"), 'import { y } from "../core/y.ts";')).toHaveLength(1);
    expect(violationsOf(join(src, "http", "x.ts"), 'const m = await import("../providers/openai/y.ts");')).toHaveLength(1);
    expect(violationsOf(join(src, "providers", "google", "x.ts"), 'import type { Y } from "../openai/y.ts";')).toHaveLength(1);
    expect(violationsOf(join(src, "providers", "vertex", "x.ts"), 'import { y } from "../google/y.ts";')).toEqual([]);
    expect(violationsOf(join(src, "core", "x.ts"), '// import { y } from "../llm/y.ts";\nimport { e } from "../errors/e.ts";')).toEqual([]);
  });

  it("no file imports from a floor above its own, and no provider from another", () => {
    expect(layoutViolations()).toEqual([]);
  });
});
