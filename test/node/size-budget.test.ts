// Bundle-size budget: a browser app that makes one streaming OpenAI call must stay small.
// The program below is bundled from dist/ the way an app's bundler would (esbuild: bundle, minify,
// ESM, browser, code splitting so `import()` stays lazy), then run in Node against a local server
// to see which chunks a streaming call really loads. Target (issue 9): those chunks, each gzipped at
// level 9, total at most 6 KB without a schema library (the program uses none). That target is NOT
// met yet (10.7 KB when this ceiling was set, down from 13.6 KB; bench/RESULTS.md has the breakdown), so what this test
// enforces is a regression ceiling just above today's size: the bundle may shrink, never grow. Lower
// the ceiling whenever the bundle shrinks; replace it with TARGET_GZIP once that is reached.
// No Anthropic or Google code may be in any chunk. `npm test` builds dist/ first.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
/** Issue 9's target: 6 KB gzipped, without the schema library (not met yet). */
const TARGET_GZIP = 6 * 1024;
/** Enforced now: today's size (10,723 bytes) plus 3%, so that the bundle cannot grow unnoticed. */
const BUDGET_GZIP = 11_050;

/** A streaming call as an app writes it; the base URL comes from a global so the bytes never change. */
const PROGRAM = `
import { openai } from "promptcall/openai";
const g = globalThis as unknown as { __pcBase?: string; __pcText?: string };
const haiku = openai.call({ model: "gpt-4o-mini", stream: true, client: { apiKey: "sk-test", baseURL: g.__pcBase } }, (topic: string) => \`A haiku about \${topic}\`);
const stream = await haiku("rain");
let text = "";
for await (const [chunk] of stream) text += chunk.content;
g.__pcText = text;
`;

/** Strings only the other providers' code contains. */
const FOREIGN = ["anthropic-version", "content_block_delta", "generativelanguage", "streamGenerateContent"];

const SSE = [
  { role: "assistant", content: "" },
  { content: "Soft rain" },
  { content: " on the roof" },
]
  .map((delta) => `data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":${JSON.stringify(delta)},"finish_reason":null}]}\n\n`)
  .concat('data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n', "data: [DONE]\n\n")
  .join("");

interface Chunk {
  file: string;
  gzip: number;
  text: string;
}

let server: Server;
let baseURL = "";
let outdir = "";
let chunks: Chunk[] = [];
let loaded: string[] = [];
let metafile: Metafile;

/** Runs the bundled program in a fresh Node process; returns the chunk files it loaded. */
function runBundle(entry: string): Promise<{ loaded: string[]; text: string }> {
  const runner = join(outdir, "run.mjs");
  writeFileSync(
    runner,
    `globalThis.__pcBase = ${JSON.stringify(baseURL)};\nglobalThis.__pcLoaded = new Set();\n` +
      `await import(${JSON.stringify(`./${entry}`)});\n` +
      `console.log(JSON.stringify({ loaded: [...globalThis.__pcLoaded], text: globalThis.__pcText }));\n`,
  );
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [runner], { timeout: 20_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`the bundled program failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}"));
    });
  });
}

describe("bundle size budget (dist/)", () => {
  beforeAll(async () => {
    try {
      readFileSync(join(root, "dist", "openai.js"));
    } catch {
      throw new Error("dist/openai.js is missing: run `npm run build` first (`npm test` builds before running the suites).");
    }
    server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.end(SSE);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    baseURL = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/v1`;

    outdir = mkdtempSync(join(tmpdir(), "promptcall-size-"));
    const result = await build({
      stdin: { contents: PROGRAM, resolveDir: root, loader: "ts", sourcefile: "app.ts" },
      bundle: true,
      splitting: true,
      outdir,
      entryNames: "app",
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      metafile: true,
      logLevel: "silent",
      absWorkingDir: root,
      external: ["zod", "zod/*"],
    });
    metafile = result.metafile;
    for (const path of Object.keys(metafile.outputs).filter((p) => p.endsWith(".js"))) {
      const file = join(root, path);
      const text = readFileSync(file, "utf8");
      chunks.push({ file: basename(file), gzip: gzipSync(text, { level: 9 }).length, text });
      // Measured above; now make each chunk report that it was loaded.
      writeFileSync(file, `${text}\n;globalThis.__pcLoaded?.add(${JSON.stringify(basename(file))});\n`);
    }
    const run = await runBundle("app.js");
    expect(run.text).toBe("Soft rain on the roof");
    loaded = run.loaded;
  }, 60_000);

  afterAll(() => {
    server?.close();
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });

  it("bundles the program from dist/", () => {
    expect(Object.keys(metafile.inputs).some((p) => p.startsWith("dist/"))).toBe(true);
    expect(loaded).toContain("app.js");
  });

  it(`the chunks a streaming OpenAI call loads stay under the ${BUDGET_GZIP}-byte ceiling (target ${TARGET_GZIP}, not met yet)`, () => {
    const used = chunks.filter((c) => loaded.includes(c.file));
    const total = used.reduce((sum, c) => sum + c.gzip, 0);
    const lazy = chunks.filter((c) => !loaded.includes(c.file));
    const list = (cs: Chunk[]) => cs.map((c) => `  ${String(c.gzip).padStart(6)}  ${c.file}`).join("\n");
    expect(
      total,
      `A streaming OpenAI call loads ${used.length} chunks, ${total} bytes gzipped: over the ${BUDGET_GZIP}-byte ceiling by ` +
        `${total - BUDGET_GZIP}. Loaded (gzip bytes):\n${list(used)}\nNot loaded by this call (lazy):\n${list(lazy)}\n` +
        "Run `npm run bench -- size` for the source files that take the bytes.",
    ).toBeLessThanOrEqual(BUDGET_GZIP);
  });

  it("contains no Anthropic or Google code, loaded or lazy", () => {
    const found = chunks.flatMap((c) => FOREIGN.filter((marker) => c.text.includes(marker)).map((m) => `${m} in ${c.file}`));
    expect(found, "other providers' code in the OpenAI bundle").toEqual([]);
    expect(Object.keys(metafile.inputs).filter((p) => /anthropic|google/.test(p))).toEqual([]);
  });

  it("does not pull in a schema library", () => {
    for (const c of chunks) expect(c.text, c.file).not.toMatch(/from\s*"zod/);
  });
});
