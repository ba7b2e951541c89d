// The OpenAI-compatible presets' price tables (src/providers/openai/services/prices.ts, ~13 KB
// minified) load with a preset's first call, never up front: not in a program that only imports
// promptcall/openai and the root entry (whose `llm` uses the presets in a lazy chunk; the presets
// themselves are not up front there either), nor in one that calls a preset. Bundled from src/ as an app's bundler would (bench settings, code splitting).
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import { describe, expect, it } from "vitest";
import { BROWSER_BUNDLE } from "../../bench/lib/bundle-options.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const PRESET_PRICES = "src/providers/openai/services/prices.ts";

/** The source files of the chunks a program loads up front (its entry and what that imports statically), and of all its chunks. */
async function inputs(program: string): Promise<{ upFront: Set<string>; all: Set<string> }> {
  const result = await build({
    ...BROWSER_BUNDLE,
    stdin: { contents: program, resolveDir: root, loader: "ts", sourcefile: "app.ts" },
    outdir: "out",
    entryNames: "app",
    write: false,
    absWorkingDir: root,
    alias: { "promptcall/openai": "./src/providers/openai/index.ts", promptcall: "./src/index.ts" },
    external: ["zod", "zod/*"],
  });
  const outputs = (result.metafile as Metafile).outputs;
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const i of outputs[path]!.imports) if (i.kind === "import-statement" && outputs[i.path]) visit(i.path);
  };
  visit(Object.keys(outputs).find((p) => p.endsWith("app.js"))!);
  const of = (paths: Iterable<string>) => new Set([...paths].flatMap((p) => Object.keys(outputs[p]!.inputs)));
  return { upFront: of(seen), all: of(Object.keys(outputs).filter((p) => p.endsWith(".js"))) };
}

describe("the presets' price tables are not loaded up front", () => {
  it("by a program importing promptcall/openai and the root entry", async () => {
    const { upFront } = await inputs(`import { defineTool } from "promptcall";
import { openai } from "promptcall/openai";
console.log(defineTool, openai.call({ model: "gpt-4o-mini" }, () => "hi"));`);
    expect(upFront.has("src/providers/openai/index.ts")).toBe(true);
    expect(upFront.has(PRESET_PRICES)).toBe(false);
    // Nor the presets it does not use (llm's lazy chunk builds its own, see src/llm/openai-entry.ts).
    for (const file of ["presets.ts", "preset-options.ts", "compatible-provider.ts"]) {
      expect(upFront.has(`src/providers/openai/services/${file}`), file).toBe(false);
    }
  });

  it("by a program calling a preset, which loads them with its first call", async () => {
    const { upFront, all } = await inputs(`import { groq } from "promptcall/openai";
const r = await groq.call({ model: "llama-3.3-70b-versatile" }, () => "hi")();
console.log(r.cost);`);
    expect(upFront.has("src/providers/openai/services/presets.ts")).toBe(true);
    expect(upFront.has(PRESET_PRICES)).toBe(false);
    expect(all.has(PRESET_PRICES)).toBe(true);
  });
});
