// One client measured in a fresh process (its own heap and JIT state):
//   node --expose-gc bench/lib/worker.mjs '<json spec>'
// spec: { suite, client, base, mode: "time" | "calls" | "memory", runs, warmup, calls, expect }
// Prints one JSON line: { ms: [per run] } or { memory: {...} }, or { error }.
import { getHeapStatistics } from "node:v8";
import { suites } from "./clients.mjs";
import { catalogueJson } from "./payloads.mjs";

const spec = JSON.parse(process.argv[2]);
const gc = globalThis.gc ?? (() => {});

let catalogue;

function check(result, expect) {
  if (!expect) return;
  if (expect.textLength !== undefined && result.text !== undefined && result.text.length !== expect.textLength) {
    throw new Error(`received ${result.text?.length} characters, expected ${expect.textLength}`);
  }
  if (expect.bytes !== undefined && result.bytes !== expect.bytes)
    throw new Error(`received ${result.bytes} bytes, expected ${expect.bytes}`);
  if (expect.catalogue !== undefined && result.value !== undefined) {
    catalogue ??= catalogueJson(expect.catalogue);
    if (JSON.stringify(result.value) === catalogue) return;
    throw new Error("the parsed value differs from the served JSON");
  }
}

async function timeRuns(run) {
  const once = async () => {
    if (spec.mode === "calls") {
      let last;
      for (let i = 0; i < spec.calls; i++) last = await run();
      return last;
    }
    return run();
  };
  for (let i = 0; i < spec.warmup; i++) check(await once(), spec.expect);
  const ms = [];
  let extra;
  // No gc() between runs: a forced full GC costs the next run a fixed ~30 ms here (heap regrowth,
  // recompilation), which would swamp short runs. GC during a run is part of what is measured.
  for (let i = 0; i < spec.runs; i++) {
    const started = performance.now();
    const result = await once();
    ms.push(performance.now() - started);
    check(result, spec.expect);
    extra = { partials: result.partials, chunks: result.chunks };
  }
  return { ms, extra };
}

async function memory(run) {
  gc();
  gc();
  const baseline = getHeapStatistics().used_heap_size;
  let peak = baseline;
  const sample = () => {
    const used = getHeapStatistics().used_heap_size;
    if (used > peak) peak = used;
  };
  const timer = setInterval(sample, 2);
  const started = performance.now();
  const response = await run();
  const reader = response.body.getReader();
  let bytes = 0;
  let reads = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    if ((++reads & 7) === 0) sample();
  }
  sample();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  if (spec.expect?.bytes !== undefined && bytes !== spec.expect.bytes)
    throw new Error(`received ${bytes} bytes, expected ${spec.expect.bytes}`);
  return {
    memory: {
      baselineMB: baseline / 2 ** 20,
      peakHeapMB: peak / 2 ** 20,
      growthMB: (peak - baseline) / 2 ** 20,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
      seconds,
      bytes,
    },
  };
}

try {
  const factory = suites[spec.suite][spec.client];
  if (!factory) throw new Error(`no client "${spec.client}" in suite ${spec.suite}`);
  const run = await factory(spec.base);
  const out = spec.mode === "memory" ? await memory(run) : await timeRuns(run);
  process.stdout.write(`${JSON.stringify(out)}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: String(error?.stack ?? error) })}\n`);
  process.exitCode = 1;
}
