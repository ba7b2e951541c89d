// Bundle-size budgets: a browser app that makes one streaming call must stay small.
// Each program below is bundled from dist/ the way an app's bundler would (esbuild: bundle, minify,
// ESM, browser, code splitting so `import()` stays lazy), then run in Node against a local server
// to see which chunks the streaming call really loads; those chunks are gzipped one by one (level 9),
// as a server sends them.
// - OpenAI: issue 13 set the budget at 11.5 KB (the synchronous stream surface of DESIGN.md is the
//   product; issue 9's 6 KB target is retired). Anthropic and Google: regression ceilings just above
//   their sizes when set. No other provider's code may be in any chunk. `npm test` builds dist/ first.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { EventStreamCodec } from "@smithy/eventstream-codec";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";
import { build, type Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The bench's esbuild settings, so that this budget and bench/RESULTS.md measure the same bundles.
import { BROWSER_BUNDLE } from "../../bench/lib/bundle-options.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
/** A program that streams one call, as an app writes it; the base URL comes from a global so the bytes never change. */
const program = (entry: string, provider: string, model: string) => `
import { ${provider} } from "promptcall/${entry}";
const g = globalThis as unknown as { __pcBase?: string; __pcText?: string };
const haiku = ${provider}.call({ model: "${model}", stream: true, client: { apiKey: "sk-test", baseURL: g.__pcBase } }, (topic: string) => \`A haiku about \${topic}\`);
const stream = await haiku("rain");
let text = "";
for await (const [chunk] of stream) text += chunk.content;
g.__pcText = text;
`;

/** Strings only each provider's code contains. */
const MARKERS = {
  openai: ["chat.completion.chunk", "chat/completions"],
  anthropic: ["anthropic-version", "content_block_delta"],
  google: ["generativelanguage", "streamGenerateContent"],
  bedrock: ["converse-stream", "bedrock-runtime"],
};

const openaiSse = [{ role: "assistant", content: "" }, { content: "Soft rain" }, { content: " on the roof" }]
  .map(
    (delta) =>
      `data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":${JSON.stringify(delta)},"finish_reason":null}]}\n\n`,
  )
  .concat(
    'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n',
    "data: [DONE]\n\n",
  )
  .join("");

const event = (type: string, data: Record<string, unknown>) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
const anthropicSse = [
  event("message_start", {
    message: {
      id: "msg_1",
      type: "message",
      role: "assistant",
      model: "claude-haiku-4-5",
      content: [],
      stop_reason: null,
      usage: { input_tokens: 5, output_tokens: 1 },
    },
  }),
  event("content_block_start", { index: 0, content_block: { type: "text", text: "" } }),
  event("content_block_delta", { index: 0, delta: { type: "text_delta", text: "Soft rain" } }),
  event("content_block_delta", { index: 0, delta: { type: "text_delta", text: " on the roof" } }),
  event("content_block_stop", { index: 0 }),
  event("message_delta", { delta: { stop_reason: "end_turn" }, usage: { output_tokens: 6 } }),
  event("message_stop", {}),
].join("");

const geminiSse = [
  '{"candidates":[{"content":{"parts":[{"text":"Soft rain"}],"role":"model"},"index":0}],"modelVersion":"gemini-2.5-flash"}',
  '{"candidates":[{"content":{"parts":[{"text":" on the roof"}],"role":"model"},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":5,"candidatesTokenCount":6,"totalTokenCount":11},"modelVersion":"gemini-2.5-flash"}',
]
  .map((data) => `data: ${data}\r\n\r\n`)
  .join("");

/** A ConverseStream body (AWS event-stream frames, encoded with the AWS SDK's codec) with the same text. */
const codec = new EventStreamCodec(toUtf8, fromUtf8);
const frame = (type: string, data: Record<string, unknown>) =>
  codec.encode({
    headers: { ":message-type": { type: "string", value: "event" }, ":event-type": { type: "string", value: type } },
    body: new TextEncoder().encode(JSON.stringify(data)),
  });
const bedrockEvents = Buffer.concat([
  frame("messageStart", { role: "assistant" }),
  frame("contentBlockDelta", { contentBlockIndex: 0, delta: { text: "Soft rain" } }),
  frame("contentBlockDelta", { contentBlockIndex: 0, delta: { text: " on the roof" } }),
  frame("contentBlockStop", { contentBlockIndex: 0 }),
  frame("messageStop", { stopReason: "end_turn" }),
  frame("metadata", { usage: { inputTokens: 5, outputTokens: 6, totalTokens: 11 }, metrics: { latencyMs: 1 } }),
]);

interface Case {
  name: "openai" | "anthropic" | "google" | "bedrock";
  program: string;
  /** The streamed body the local server answers with, and its content type (default text/event-stream). */
  sse: string | Uint8Array;
  contentType?: string;
  /** What the test enforces: a regression ceiling just above the size when set (the budget when it is met). */
  ceiling: number;
  /** The target (issue 13's budget, or the ceiling the program once met); reported in the test name, not yet enforced when above `ceiling`. */
  budget: number;
}

const CASES: Case[] = [
  // The three ceilings below are NOT issue 13's budgets: they stop regressions while the budgets are missed.
  // Where the bytes are (all three, 4th session): eventsource-parser (3.4 KB min, the brief's SSE parser), the
  // provider's price table (OpenAI 3.0 KB min, ~540 B gzip), the cost and usage code, the timeouts and body guard,
  // the provider's tool class (public from its entry, so esbuild keeps it eager: see ARCHITECTURE.md), and
  // one small chunk, errors/known-secrets.ts (shared with the error classes; module-private on purpose).
  // Issue 13's budget: 11.5 KB = 11,776 B (11,095 when set; 11,745 with issue 17's price table). 15,095 B at the
  // start of the 4th session, 14,136 B after it, 14,167 B after the 5th (no silent loss on cut streams, +31);
  // ceiling = 14,205 + 1.5%. What 11.5 KB would take (5th session, stubbing modules out of src/): replacing
  // eventsource-parser with a page-reader-sized parser -1,091 B, all tool code off the stream path with
  // OpenAITool off promptcall/openai (an API change) -1,008 B; both together still leave ~12.0 KB.
  { name: "openai", program: program("openai", "openai", "gpt-4o-mini"), sse: openaiSse, ceiling: 14_420, budget: 11_776 },
  // Target 11,100 B (10,613 when set, 11,032 with issue 17's price table). 14,273 B at the start of the 4th session,
  // 13,725 B after it, 13,791 B after the 5th (a cut inside an event keeps the text; a 200 error body is an
  // APIError); ceiling = 13,691 + 1.5%.
  {
    name: "anthropic",
    program: program("anthropic", "anthropic", "claude-haiku-4-5"),
    sse: anthropicSse,
    ceiling: 13_900,
    budget: 11_100,
  },
  // Target 11,800 B (11,313 when set, 11,728 with issue 17's price table). 14,336 B at the start of the 4th session,
  // 13,895 B after it, 13,952 B after the 5th (cut streams, candidateCount > 1, 200 error bodies: 8 B under the
  // ceiling); ceiling = 13,753 + 1.5%.
  { name: "google", program: program("google", "google", "gemini-2.5-flash"), sse: geminiSse, ceiling: 13_960, budget: 11_800 },
  // Bedrock: SigV4 (aws4fetch, ~2.3 KB) and the event-stream decoder included; 17,116 bytes when set, 16,748 B after
  // the 4th session, 16,838 B after the 5th; ceiling = today + 1.5%.
  {
    name: "bedrock",
    program: program("bedrock", "bedrock", "anthropic.claude-3-5-haiku-20241022-v1:0"),
    sse: bedrockEvents,
    contentType: "application/vnd.amazon.eventstream",
    ceiling: 17_000,
    budget: 17_400,
  },
];

interface Chunk {
  file: string;
  gzip: number;
  text: string;
}

interface Bundle {
  outdir: string;
  chunks: Chunk[];
  loaded: string[];
  metafile: Metafile;
}

let server: Server;
let baseURL = "";
let body: string | Uint8Array = "";
let contentType = "text/event-stream";
const bundles = new Map<string, Bundle>();

/** Runs the bundled program in a fresh Node process; returns the chunk files it loaded. */
function runBundle(outdir: string): Promise<{ loaded: string[]; text: string }> {
  const runner = join(outdir, "run.mjs");
  writeFileSync(
    runner,
    `globalThis.__pcBase = ${JSON.stringify(baseURL)};\nglobalThis.__pcLoaded = new Set();\n` +
      `await import("./app.js");\n` +
      `console.log(JSON.stringify({ loaded: [...globalThis.__pcLoaded], text: globalThis.__pcText }));\n`,
  );
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [runner], { timeout: 20_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`the bundled program failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}"));
    });
  });
}

/** Bundles a program from dist/ with splitting, marks each chunk so it reports loading, and runs it. */
async function bundleAndRun(c: Case): Promise<Bundle> {
  const outdir = mkdtempSync(join(tmpdir(), `promptcall-size-${c.name}-`));
  const result = await build({
    ...BROWSER_BUNDLE,
    stdin: { contents: c.program, resolveDir: root, loader: "ts", sourcefile: "app.ts" },
    outdir,
    entryNames: "app",
    absWorkingDir: root,
    external: ["zod", "zod/*"],
  });
  const chunks: Chunk[] = [];
  for (const path of Object.keys(result.metafile.outputs).filter((p) => p.endsWith(".js"))) {
    const file = join(root, path);
    const text = readFileSync(file, "utf8");
    chunks.push({ file: basename(file), gzip: gzipSync(text, { level: 9 }).length, text });
    // Measured above; now make each chunk report that it was loaded.
    writeFileSync(file, `${text}\n;globalThis.__pcLoaded?.add(${JSON.stringify(basename(file))});\n`);
  }
  body = c.sse;
  contentType = c.contentType ?? "text/event-stream";
  const run = await runBundle(outdir);
  expect(run.text, `${c.name}: the bundled program's output`).toBe("Soft rain on the roof");
  return { outdir, chunks, loaded: run.loaded, metafile: result.metafile };
}

describe("bundle size budgets (dist/)", () => {
  beforeAll(async () => {
    try {
      readFileSync(join(root, "dist", "openai.js"));
    } catch {
      throw new Error("dist/openai.js is missing: run `npm run build` first (`npm test` builds before running the suites).");
    }
    server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": contentType });
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    baseURL = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/v1`;
    // One after the other: the server answers with the body of the program being run.
    for (const c of CASES) bundles.set(c.name, await bundleAndRun(c));
  }, 60_000);

  afterAll(() => {
    server?.close();
    for (const b of bundles.values()) rmSync(b.outdir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    describe(`a streaming ${c.name} call`, () => {
      it("is bundled from dist/", () => {
        const b = bundles.get(c.name)!;
        expect(Object.keys(b.metafile.inputs).some((p) => p.startsWith("dist/"))).toBe(true);
        expect(b.loaded).toContain("app.js");
      });

      it(`loads chunks that stay under the ${c.ceiling}-byte ceiling (budget ${c.budget})`, () => {
        const b = bundles.get(c.name)!;
        const used = b.chunks.filter((chunk) => b.loaded.includes(chunk.file));
        const total = used.reduce((sum, chunk) => sum + chunk.gzip, 0);
        const lazy = b.chunks.filter((chunk) => !b.loaded.includes(chunk.file));
        const list = (cs: Chunk[]) => cs.map((chunk) => `  ${String(chunk.gzip).padStart(6)}  ${chunk.file}`).join("\n");
        expect(
          total,
          `A streaming ${c.name} call loads ${used.length} chunks, ${total} bytes gzipped: over the ${c.ceiling}-byte ceiling by ` +
            `${total - c.ceiling}. Loaded (gzip bytes):\n${list(used)}\nNot loaded by this call (lazy):\n${list(lazy)}\n` +
            "Run `npm run bench -- size` for the source files that take the bytes.",
        ).toBeLessThanOrEqual(c.ceiling);
      });

      it("contains no other provider's code, loaded or lazy", () => {
        const b = bundles.get(c.name)!;
        const others = Object.entries(MARKERS).filter(([name]) => name !== c.name);
        const found = b.chunks.flatMap((chunk) =>
          others.flatMap(([, markers]) => markers.filter((m) => chunk.text.includes(m)).map((m) => `${m} in ${chunk.file}`)),
        );
        expect(found, "other providers' code in the bundle").toEqual([]);
        const otherNames = others.map(([name]) => name).join("|");
        expect(
          Object.keys(b.metafile.inputs).filter((p) => new RegExp(`providers/(${otherNames})/|/(${otherNames})\\.js$`).test(p)),
        ).toEqual([]);
        // Its own code is there (the markers work).
        expect(b.chunks.some((chunk) => MARKERS[c.name].some((m) => chunk.text.includes(m)))).toBe(true);
      });

      it("does not pull in a schema library", () => {
        for (const chunk of bundles.get(c.name)!.chunks) expect(chunk.text, chunk.file).not.toMatch(/from\s*"zod/);
      });
    });
  }
});

// What a page pays up front: the entry chunk and every chunk it imports statically (esbuild with
// splitting loads those before the program runs; dynamic imports stay lazy). Measured without
// running, since these programs need a DOM or a tool loop; issue 13 set the budgets.
const UP_FRONT: { name: string; program: string; ceiling: number; budget: number }[] = [
  {
    // A page that reads a Worker's event stream (toEventStreamResponse) with promptcall/browser.
    name: "a page reading a Worker's event stream (promptcall/browser)",
    program: `import { readEventStream } from "promptcall/browser";
const out = document.querySelector("#out")!;
for await (const event of readEventStream(await fetch("/chat", { method: "POST", body: "{}" }))) {
  if (event.type === "text") out.textContent += event.delta;
}`,
    ceiling: 2_560,
    budget: 2_560,
  },
  {
    // bench/size/promptcall.openai-tool-structured.ts: a zod tool and a structured answer, importing
    // defineTool from the root entry (zod itself external: it is the app's, not ours).
    name: "a tool + structured program importing the root entry",
    program: readFileSync(join(root, "bench", "size", "promptcall.openai-tool-structured.ts"), "utf8"),
    // Issue 13's budget, met: 20,354 B after the 5th session (27.7 KB when the issue was written, 25,526 B at the start
    // of the 4th session, 20,384 B after it; the 5th session's redaction work took it to 20,934 B, won back by moving
    // BrowserApiKeyError and PromptBlockedError into errors/ and keeping the redaction in the error classes' chunk).
    // What it took: the presets' price tables load lazily (a PriceLoader), llm builds its own presets, no root
    // re-export reaches a module only a lazy seam uses (parseToolArgs, the schema wrapping), and the build keeps lazy
    // code's imports of errors/index.ts (rollup.config.mjs: keepErrorsBarrel), so the error classes share one chunk.
    // What is left up front beyond what the program uses: the chunk splits that llm's per-provider loaders cause
    // (~2.3 KB: esbuild makes a chunk of every import() target, used or not) and the error classes the root re-exports.
    ceiling: 20_480,
    budget: 20_480,
  },
];

/** gzip bytes of the entry chunk and its static import closure. */
async function upFrontBytes(program: string): Promise<{ total: number; files: string[] }> {
  const outdir = mkdtempSync(join(tmpdir(), "promptcall-upfront-"));
  try {
    const result = await build({
      ...BROWSER_BUNDLE,
      stdin: { contents: program, resolveDir: root, loader: "ts", sourcefile: "app.ts" },
      outdir,
      entryNames: "app",
      absWorkingDir: root,
      external: ["zod", "zod/*"],
    });
    const outputs = result.metafile.outputs;
    const seen = new Set<string>();
    const visit = (path: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      for (const i of outputs[path].imports) if (i.kind === "import-statement" && outputs[i.path]) visit(i.path);
    };
    const entry = Object.keys(outputs).find((p) => p.endsWith("app.js"));
    if (!entry) throw new Error("no app.js in the bundle");
    visit(entry);
    let total = 0;
    for (const path of seen) total += gzipSync(readFileSync(join(root, path)), { level: 9 }).length;
    return { total, files: [...seen].map((p) => basename(p)) };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

describe("what a page pays up front (dist/)", () => {
  for (const c of UP_FRONT) {
    it(`${c.name}: at most ${c.ceiling} bytes gzipped (budget ${c.budget})`, async () => {
      const { total, files } = await upFrontBytes(c.program);
      expect(total, `${c.name} loads ${total} bytes up front (${files.join(", ")})`).toBeLessThanOrEqual(c.ceiling);
    }, 30_000);
  }
});
