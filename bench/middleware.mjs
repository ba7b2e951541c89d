// Middleware: the per-chunk cost of an OpenAI stream (20,000 chunks, replayed in-process) with no
// middleware, with a middleware that has every hook (doing nothing), and with otel() recording into an
// in-memory exporter (one span per call); the variants take turns, medians are reported.
// Run from the root: node bench/middleware.mjs [--compare <checkout>]   (bundles src/ with esbuild into
// bench/out/middleware/; --compare adds the plain stream of another checkout's src/, e.g. one from
// before the middleware: `git archive <commit> | tar -x -C /tmp/before`).
import { build } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { openaiStreamEvents } from "./lib/payloads.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const compareArg = process.argv.indexOf("--compare");

/** Bundles the call path of `root`/src (and the middleware pieces when `middleware`) and imports it. */
async function load(root, middleware) {
  const out = join(here, "out", "middleware", `${Date.now()}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(out, { recursive: true });
  const entry = join(out, "entry.ts");
  const src = (p) => JSON.stringify(join(root, "src", p));
  const lines = [
    `export { openai } from ${src("providers/openai/index.ts")};`,
    `export { createReplayFetch } from ${src("testing/replay-fetch.ts")};`,
  ];
  if (middleware) {
    lines.push(`export { defineMiddleware } from ${src("index.ts")};`, `export { otel } from ${src("otel/index.ts")};`);
    lines.push(`export { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";`);
  }
  writeFileSync(entry, lines.join("\n"));
  // The OTel packages stay external (resolved from the root's node_modules): one API instance.
  const options = {
    bundle: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    logLevel: "error",
    external: ["@opentelemetry/*"],
  };
  await build({ ...options, entryPoints: [entry], outfile: join(out, "bundle.mjs") });
  return import(pathToFileURL(join(out, "bundle.mjs")).href);
}

const lib = await load(join(here, ".."), true);
const before = compareArg > 0 ? await load(resolve(process.argv[compareArg + 1]), false) : undefined;

const N = 20_000;
const body = openaiStreamEvents(N).join("");

/** One stream of N chunks through a call with `middleware`; returns its milliseconds. */
async function once(middleware, from = lib) {
  const fetch = from.createReplayFetch({ body });
  const options = { model: "gpt-4o-mini", stream: true, client: { apiKey: "k", fetch }, ...(middleware ? { middleware } : {}) };
  const t = performance.now();
  const s = await from.openai.call(options, () => "?")();
  for await (const _ of s);
  return performance.now() - t;
}

const variants = [["no middleware", undefined]];
if (before) variants.unshift([`no middleware, ${process.argv[compareArg + 1]}`, undefined, before]);
let exporter;
{
  const noop = lib.defineMiddleware({
    name: "noop",
    onCall() {},
    onRetry() {},
    onResponse() {},
    onStream() {},
    onStructured() {},
    onError() {},
  });
  exporter = new lib.InMemorySpanExporter();
  const tracer = new lib.BasicTracerProvider({ spanProcessors: [new lib.SimpleSpanProcessor(exporter)] }).getTracer("bench");
  variants.push(["every hook, doing nothing", [noop]], ["otel() (in-memory exporter)", [lib.otel({ tracer })]]);
}
// Variants take turns (ROUNDS rounds of PER runs each, after warm-up): machine noise hits them alike.
const ROUNDS = 9;
const PER = 5;
const times = variants.map(() => []);
for (const [, mw, from] of variants) for (let i = 0; i < 5; i++) await once(mw, from);
for (let r = 0; r < ROUNDS; r++) {
  for (let v = 0; v < variants.length; v++) for (let i = 0; i < PER; i++) times[v].push(await once(variants[v][1], variants[v][2]));
}
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`OpenAI stream, ${N.toLocaleString("en")} chunks, body in one piece, median of ${ROUNDS * PER}`);
for (const [v, [name]] of variants.entries()) {
  console.log(`${`${name}:`.padEnd(30)} ${((median(times[v]) * 1000) / N).toFixed(3)} us/chunk`);
}
if (exporter) console.log(`(${exporter.getFinishedSpans().length} spans recorded)`);
