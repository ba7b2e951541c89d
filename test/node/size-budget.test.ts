// Bundle-size budget: a browser app that makes one streaming OpenAI call must stay small. Bundles
// `import { openai } from "promptcall/openai"` + a streaming call from dist/ the way an app's bundler
// would (esbuild: bundle, minify, ESM, browser), gzips it (level 9) and checks the budget, and that
// no Anthropic or Google code came along. `npm test` builds dist/ first; bench/ compares with peers.
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
/** 6 KB gzipped, without the schema library (the program uses none). */
const BUDGET_GZIP = 6 * 1024;

const PROGRAM = `
import { openai } from "promptcall/openai";
const haiku = openai.call({ model: "gpt-4o-mini", stream: true, client: { apiKey: "sk-test" } }, (topic: string) => \`A haiku about \${topic}\`);
const stream = await haiku("rain");
for await (const [chunk] of stream) document.body.append(chunk.content);
`;

/** Strings only the other providers' code contains. */
const FOREIGN = ["anthropic-version", "content_block_delta", "generativelanguage", "streamGenerateContent"];

interface Bundle {
  text: string;
  gzip: number;
  minified: number;
  metafile: Metafile;
}

/** Bundles PROGRAM; `promptcall/openai` resolves through package.json exports (dist/) or to `alias`. */
async function bundle(alias?: Record<string, string>): Promise<Bundle> {
  const result = await build({
    stdin: { contents: PROGRAM, resolveDir: root, loader: "ts", sourcefile: "app.ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    absWorkingDir: root,
    external: ["zod", "zod/*"],
    ...(alias ? { alias } : {}),
  });
  const out = result.outputFiles[0].contents;
  return { text: result.outputFiles[0].text, gzip: gzipSync(out, { level: 9 }).length, minified: out.length, metafile: result.metafile };
}

/** The largest inputs of a bundle (minified bytes each), for the failure message. */
function topInputs(metafile: Metafile, n: number): string {
  const output = Object.values(metafile.outputs)[0];
  return Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => [path, bytesInOutput] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([path, bytes]) => `  ${String(bytes).padStart(6)}  ${path}`)
    .join("\n");
}

describe("bundle size budget (dist/)", () => {
  let app: Bundle;

  beforeAll(async () => {
    const entry = join(root, "dist", "openai.js");
    if (!existsSync(entry)) {
      throw new Error("dist/openai.js is missing: run `npm run build` first (`npm test` builds before running the suites).");
    }
    app = await bundle();
    // The bundle must come from dist/, not from the sources.
    expect(Object.keys(app.metafile.inputs).some((p) => p.startsWith("dist/"))).toBe(true);
    expect(statSync(entry).size).toBeGreaterThan(0);
  }, 30_000);

  it(`a streaming OpenAI call bundles to at most ${BUDGET_GZIP} bytes gzipped (no schema library)`, async () => {
    if (app.gzip > BUDGET_GZIP) {
      // Attribute the bytes to source files: bundle the same program from src/.
      const fromSources = await bundle({ "promptcall/openai": join(root, "src/providers/openai/index.ts") });
      expect.fail(
        `The streaming OpenAI program is ${app.gzip} bytes gzipped (${app.minified} minified), over the ` +
          `${BUDGET_GZIP}-byte budget by ${app.gzip - BUDGET_GZIP}. Keep features the program does not use ` +
          `(structured outputs, tools, the Responses API, prices) out of the entry's static import graph, ` +
          `e.g. behind dynamic import(). Largest source files in the bundle (minified bytes):\n` +
          topInputs(fromSources.metafile, 15),
      );
    }
    expect(app.gzip).toBeGreaterThan(500);
  }, 30_000);

  it("contains no Anthropic or Google code", () => {
    const found = FOREIGN.filter((marker) => app.text.includes(marker));
    expect(found, `provider-specific strings of other providers in the OpenAI bundle: ${found.join(", ")}`).toEqual([]);
    const inputs = Object.keys(app.metafile.inputs);
    expect(inputs.filter((p) => /anthropic|google/.test(p))).toEqual([]);
  });

  it("does not pull in a schema library", () => {
    expect(app.text).not.toMatch(/from\s*"zod/);
  });
});
