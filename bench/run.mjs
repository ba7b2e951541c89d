#!/usr/bin/env node
// `npm run bench` (from the root): bundle sizes and streaming overhead of promptcall against its
// peers, printed as tables and written to bench/RESULTS.md.
//
//   node bench/run.mjs [sections...] [--profile] [--quick]
//   sections: size openai paced anthropic complete scaling memory structured (default: all)
//   --profile  also writes V8 CPU profiles of the promptcall workers to bench/out/profiles/
//   --quick    fewer runs (for trying things out; RESULTS.md is only written by a full default run)
//
// Every timed client runs in a fresh Node process (own heap and JIT), against a loopback server
// in another process; times are medians of several runs after warm-up runs.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { arch, cpus, loadavg, platform, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { catalogueJson, fragments, textLength } from "./lib/payloads.mjs";
import { MARKERS, measureSizes, promptcallBreakdown } from "./lib/size.mjs";

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, "..");
const outDir = join(benchDir, "out");
const snapshot = join(outDir, "dist");
const profileDir = join(outDir, "profiles");

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith("--")));
const ALL = ["size", "openai", "paced", "anthropic", "complete", "scaling", "memory", "structured"];
const chosen = args.filter((a) => !a.startsWith("--"));
const sections = chosen.length > 0 ? chosen : ALL;
const quick = flags.has("--quick");
const RUNS = quick ? 2 : 6;
const ROUNDS = quick ? 1 : 3;
const WARMUP = quick ? 1 : 3;
const WARM_UNITS = quick ? 10_000 : 60_000;

// ---------------------------------------------------------------------------------------- setup

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the root when dist/ is missing or older than src/, then snapshots dist/ to bench/out/dist. */
function prepareDist() {
  const entries = ["index", "openai", "anthropic"].map((e) => join(root, "dist", `${e}.js`));
  const stale = entries.some((e) => !existsSync(e)) || Math.min(...entries.map((e) => statSync(e).mtimeMs)) < newestMtime(join(root, "src"));
  if (stale) {
    console.log("dist/ is missing or older than src/: npm run build");
    const built = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
    if (built.status !== 0) throw new Error("npm run build failed at the root");
  }
  rmSync(snapshot, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  cpSync(join(root, "dist"), snapshot, { recursive: true, filter: (src) => !src.endsWith(".d.ts") });
  for (const e of ["openai", "anthropic", "index"]) {
    if (!existsSync(join(snapshot, `${e}.js`))) throw new Error(`dist/${e}.js vanished while copying (a concurrent build?): run again`);
  }
}

function versions() {
  const read = (p) => JSON.parse(readFileSync(p, "utf8")).version;
  const pkgs = ["ai", "@ai-sdk/openai", "@ai-sdk/anthropic", "openai", "@anthropic-ai/sdk", "eventsource-parser", "zod", "esbuild"];
  const out = { promptcall: `${read(join(root, "package.json"))} (dist/ of ${gitHead()})` };
  for (const p of pkgs) out[p] = read(join(benchDir, "node_modules", p, "package.json"));
  return out;
}

function gitHead() {
  const r = spawnSync("git", ["log", "-1", "--format=%h"], { cwd: root, encoding: "utf8" });
  const dirty = spawnSync("git", ["status", "--porcelain", "--", "src"], { cwd: root, encoding: "utf8" }).stdout.trim();
  return `${r.stdout.trim() || "unknown"}${dirty ? " + uncommitted src changes" : ""}`;
}

function machine() {
  const cpu = cpus();
  return { cpu: cpu[0]?.model ?? "unknown", cores: cpu.length, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, os: `${platform()} ${arch()}` };
}

// ----------------------------------------------------------------------------- server, workers

async function startServer() {
  const child = spawn(process.execPath, [join(benchDir, "lib", "server.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise((resolve, reject) => {
    let buf = "";
    child.stdout.on("data", (d) => {
      buf += d;
      if (buf.includes("\n")) resolve(JSON.parse(buf.split("\n")[0]).port);
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { port, stop: () => child.kill("SIGTERM") };
}

let server;
const base = (mode, kind, arg) => `http://127.0.0.1:${server.port}/${mode}/${kind}/${arg}/v1`;

/** Runs one client in a fresh process; resolves to its JSON report. */
function worker(spec, { profile = false } = {}) {
  const nodeArgs = ["--expose-gc"];
  if (profile) {
    mkdirSync(profileDir, { recursive: true });
    nodeArgs.push("--cpu-prof", `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${spec.suite}-${spec.label ?? "run"}-${Date.now()}.cpuprofile`);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, join(benchDir, "lib", "worker.mjs"), JSON.stringify(spec)], {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, PROMPTCALL_DIST: snapshot },
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", () => {
      try {
        const report = JSON.parse(out.trim().split("\n").at(-1));
        if (report.error) reject(new Error(`${spec.suite} / ${spec.client}: ${report.error}`));
        else resolve(report);
      } catch {
        reject(new Error(`${spec.suite} / ${spec.client}: no report (output: ${out.slice(0, 500)})`));
      }
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Times each client of a suite on one route; returns rows with median ms and µs per unit. The
 * clients take turns over `rounds` rounds (a fresh process each time), so a burst of load from
 * elsewhere on the machine hits them alike. Warm-up runs continue until at least WARM_UNITS units
 * (chunks or calls) went through, so short streams are measured with hot code too.
 */
async function timeClients({ suite, clients, url, units, expect, runs = RUNS, rounds = ROUNDS, warmup = WARMUP, mode = "time", calls = 1 }) {
  const samples = new Map(clients.map((c) => [c, { ms: [], extra: undefined }]));
  const perRound = Math.max(1, Math.ceil(runs / rounds));
  const warm = mode === "calls" ? warmup : Math.max(warmup, Math.ceil(WARM_UNITS / units));
  for (let round = 0; round < rounds; round++) {
    for (const client of clients) {
      const profile = flags.has("--profile") && client.startsWith("promptcall") && round === 0;
      const report = await worker({ suite, client, base: url, mode, calls, runs: perRound, warmup: warm, expect, label: client.replace(/\W+/g, "_") }, { profile });
      const entry = samples.get(client);
      entry.ms.push(...report.ms);
      entry.extra = report.extra;
    }
  }
  const rows = [];
  for (const client of clients) {
    const { ms: all, extra } = samples.get(client);
    const ms = median(all);
    rows.push({ client, ms, min: Math.min(...all), max: Math.max(...all), n: all.length, usPerUnit: (ms * 1000) / units, extra });
    console.log(`  ${suite}: ${client}: ${ms.toFixed(1)} ms (median of ${all.length})`);
  }
  return rows;
}

// ------------------------------------------------------------------------------------ formatting

function table(header, rows, align) {
  const cells = rows.map((r) => r.map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => `| ${c.map((v, i) => ((align?.[i] ?? (i === 0 ? "l" : "r")) === "l" ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => ((align?.[i] ?? (i === 0 ? "l" : "r")) === "l" ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |`;
  return [line(header), rule, ...cells.map(line)].join("\n");
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const fx = (n, d = 2) => n.toFixed(d);
const report = [];
function emit(title, body, note) {
  const text = `### ${title}\n\n${body}\n${note ? `\n${note}\n` : ""}`;
  console.log(`\n${text}`);
  report.push(text);
}

function streamTable(rows, rawName, unit = "µs/chunk") {
  const raw = rows.find((r) => r.client === rawName);
  return table(
    ["client", "median ms", "min–max ms", `${unit} (median)`, "× raw (median)", "× raw (min)"],
    rows.map((r) => [r.client, fx(r.ms, 1), `${fx(r.min, 0)}–${fx(r.max, 0)}`, fx(r.usPerUnit), raw ? `${fx(r.ms / raw.ms)}×` : "", raw ? `${fx(r.min / raw.min)}×` : ""]),
  );
}

// -------------------------------------------------------------------------------------- sections

const RAW = "raw: fetch + EventSourceParserStream + JSON.parse";
const summary = {};

async function sizeSection() {
  const rows = await measureSizes({ sizeDir: join(benchDir, "size"), distDir: snapshot, benchDir });
  const programs = [...new Set(rows.map((r) => r.program))];
  const order = ["promptcall", "raw", "openai-sdk", "anthropic-sdk", "ai-sdk"];
  const names = { promptcall: "promptcall", raw: "raw fetch + eventsource-parser", "openai-sdk": "openai 6 (SDK)", "anthropic-sdk": "@anthropic-ai/sdk 1", "ai-sdk": "AI SDK 6 (ai + @ai-sdk/*)" };
  const lines = [];
  for (const program of programs) {
    for (const r of rows.filter((x) => x.program === program).sort((a, b) => order.indexOf(a.library) - order.indexOf(b.library))) {
      lines.push([program, names[r.library] ?? r.library, kb(r.libraryGzip), kb(r.libraryBytes), r.zodGzip ? kb(r.zodGzip) : "–", r.zodFrom || "–", kb(r.totalGzip), r.providers.join(", ")]);
    }
  }
  const pc = rows.find((r) => r.library === "promptcall" && r.program === "openai-stream");
  summary.size = pc;
  emit(
    "Bundle size (esbuild --bundle --minify --format=esm --platform=browser, gzip -9), KB",
    table(["program", "library", "gzip, zod external", "minified, zod external", "zod gzip", "zod imported by", "gzip total", "providers' code present"], lines, ["l", "l"]),
    "`zod gzip` is the total minus the bundle with `zod` external: the schema library's share. Programs are in `bench/size/`.\n" +
      `Provider code is detected by marker strings: ${Object.entries(MARKERS).map(([p, w]) => `${p}: ${w.map((x) => `\`${x}\``).join(", ")}`).join("; ")}.\n` +
      `Budget (test/node/size-budget.test.ts): promptcall's streaming OpenAI program ≤ 6.0 KB gzip — now ${kb(pc.libraryGzip)} KB, ` +
      `${pc.libraryGzip <= 6144 ? "within budget" : `**over by ${kb(pc.libraryGzip - 6144)} KB**`}; ` +
      `${pc.providers.length === 1 && pc.providers[0] === "openai" ? "no Anthropic or Google code in it" : `**other providers' code present: ${pc.providers.join(", ")}**`}.`,
  );
  const breakdown = await promptcallBreakdown({ root, entryText: readFileSync(join(benchDir, "size", "promptcall.openai-stream.ts"), "utf8") });
  const groups = new Map();
  const groupOf = (p) =>
    p.includes("node_modules/eventsource-parser") ? "eventsource-parser" :
    /partial-json|structured|response-model|schema|strict/.test(p) ? "structured outputs (schema, strict transform, partial JSON)" :
    /responses-/.test(p) ? "Responses API (api: \"responses\")" :
    /tool/.test(p) ? "tools" :
    /price|cost/.test(p) ? "prices and cost" :
    /errors\/|to-error|stream-errors/.test(p) ? "errors" :
    /convert-|message|parts|prompt/.test(p) ? "messages and content conversion" :
    /retry|backoff|send-request|abort|sleep/.test(p) ? "request, retries" :
    /stream|sse|read-stream/.test(p) ? "streaming core" :
    "call factory, client, other";
  for (const i of breakdown.inputs) groups.set(groupOf(i.path), (groups.get(groupOf(i.path)) ?? 0) + i.bytes);
  summary.breakdown = breakdown;
  emit(
    "What takes the bytes in promptcall's streaming OpenAI bundle (bundled from src/, minified bytes before gzip)",
    table(["group", "minified bytes", "share"], [...groups].sort((a, b) => b[1] - a[1]).map(([g, b]) => [g, b, `${fx((100 * b) / breakdown.bytes, 0)}%`]), ["l"]) +
      "\n\nLargest files:\n\n" +
      table(["file", "minified bytes"], breakdown.inputs.slice(0, 20).map((i) => [i.path, i.bytes]), ["l"]),
    `Total ${breakdown.bytes} bytes minified, ${kb(breakdown.gzip)} KB gzip.`,
  );
}

async function openaiSection(mode) {
  const n = 20_000;
  const clients = ["fetch (drain bytes only)", RAW, "raw: fetch + createParser callback + JSON.parse", "promptcall", "openai 6 (SDK)", "AI SDK 6 streamText"];
  const rows = await timeClients({ suite: "openai", clients, url: base(mode, "oai-text", n), units: n, expect: { textLength: textLength(n) } });
  const pc = rows.find((r) => r.client === "promptcall");
  const raw = rows.find((r) => r.client === RAW);
  summary[mode] = { ratio: pc.ms / raw.ms, pc: pc.usPerUnit, raw: raw.usPerUnit };
  emit(
    `OpenAI streaming, ${n.toLocaleString("en")} chat.completion.chunk events (${mode === "bulk" ? "body sent in one write" : "one write per event"}), median of ${RUNS}`,
    streamTable(rows, RAW),
    `Target: promptcall within 1.25× of raw — ${fx(pc.ms / raw.ms)}× on medians (${pc.ms / raw.ms <= 1.25 ? "met" : "**missed**"}), ${fx(pc.min / raw.min)}× on the fastest runs. ` +
      "`fetch (drain bytes only)` reads the body without parsing: the floor set by fetch and the server process.",
  );
}

async function anthropicSection() {
  const n = 20_000;
  const clients = [RAW, "promptcall", "@anthropic-ai/sdk 1 (create, stream: true)", "AI SDK 6 streamText (@ai-sdk/anthropic)"];
  const rows = await timeClients({ suite: "anthropic", clients, url: base("bulk", "ant-text", n), units: n, expect: { textLength: textLength(n) } });
  const pc = rows.find((r) => r.client === "promptcall");
  const raw = rows.find((r) => r.client === RAW);
  summary.anthropic = { ratio: pc.ms / raw.ms };
  emit(
    `Anthropic streaming, ${n.toLocaleString("en")} content_block_delta events (body in one write), median of ${RUNS}`,
    streamTable(rows, RAW),
    `Target: promptcall within 1.25× of raw — ${fx(pc.ms / raw.ms)}× on medians (${pc.ms / raw.ms <= 1.25 ? "met" : "**missed**"}), ${fx(pc.min / raw.min)}× on the fastest runs.`,
  );
}

async function completeSection() {
  const calls = quick ? 200 : 500;
  const clients = ["raw: fetch + JSON.parse", "promptcall", "openai 6 (SDK)", "AI SDK 6 generateText"];
  const rows = await timeClients({ suite: "complete", clients, url: base("bulk", "oai-complete", 0), units: calls, mode: "calls", calls, warmup: 1 });
  const raw = rows.find((r) => r.client === "raw: fetch + JSON.parse");
  const pc = rows.find((r) => r.client === "promptcall");
  summary.complete = { ratio: pc.ms / raw.ms, overheadUs: pc.usPerUnit - raw.usPerUnit };
  emit(
    `Non-streaming chat call, ${calls} sequential calls per run on the loopback server, median of ${RUNS}`,
    table(
      ["client", "median ms / run", "µs per call", "overhead over raw, µs", "× raw"],
      rows.map((r) => [r.client, fx(r.ms, 1), fx(r.usPerUnit, 0), fx(r.usPerUnit - raw.usPerUnit, 0), `${fx(r.ms / raw.ms)}×`]),
    ),
  );
}

async function scalingSection() {
  const sizes = [2_000, 20_000, 200_000];
  const clients = [RAW, "promptcall"];
  const per = Object.fromEntries(clients.map((c) => [c, []]));
  for (const n of sizes) {
    const rows = await timeClients({ suite: "openai", clients, url: base("bulk", "oai-text", n), units: n, expect: { textLength: textLength(n) }, runs: n >= 200_000 ? 4 : RUNS, warmup: 1 });
    for (const r of rows) per[r.client].push(r.usPerUnit);
  }
  const lines = clients.map((c) => [c, ...per[c].map((u) => fx(u)), `${fx(Math.max(...per[c]) / Math.min(...per[c]))}×`]);
  lines.push(["promptcall ÷ raw", ...sizes.map((_, i) => `${fx(per.promptcall[i] / per[RAW][i])}×`), ""]);
  summary.scaling = per.promptcall;
  emit(
    "Scaling: µs per chunk by stream length (OpenAI, body in one write)",
    table(["client", ...sizes.map((n) => `${n.toLocaleString("en")} chunks`), "max / min"], lines),
    "Flat means the per-chunk cost does not grow with the stream's length.",
  );
}

async function memorySection() {
  const bytes = 50 * 2 ** 20;
  const total = Math.ceil(bytes / 1000) * 1000;
  const lines = [];
  for (const client of ["raw pipeline → Response", "promptcall stream.toResponse()", "AI SDK 6 streamText().toTextStreamResponse()"]) {
    process.stdout.write(`  memory: ${client} … `);
    const { memory: m } = await worker({ suite: "memory", client, base: base("bulk", "oai-big", bytes), mode: "memory", expect: { bytes: total } });
    console.log(`${fx(m.growthMB, 1)} MB`);
    lines.push([client, fx(m.baselineMB, 1), fx(m.peakHeapMB, 1), fx(m.growthMB, 1), fx(m.maxRssMB, 0), fx(total / 2 ** 20 / m.seconds, 0)]);
    if (client.startsWith("promptcall")) summary.memory = m;
  }
  emit(
    `Memory: 50 MB of text streamed through a Response (${(total / 1000).toLocaleString("en")} deltas of 1,000 characters), body consumed`,
    table(["client", "heap before, MB", "peak heap, MB", "heap growth, MB", "max RSS, MB", "MB/s"], lines),
    "Peak heap is sampled every 2 ms and every 8 reads (v8 used_heap_size); max RSS is the process's lifetime peak.",
  );
}

async function structuredSection() {
  const sizes = [250 * 1024, 1024 * 1024];
  const clients = ["promptcall StructuredStream", "promptcall text stream (same bytes)", "raw text + one JSON.parse + zod parse at the end"];
  const results = {};
  for (const bytes of sizes) {
    const json = catalogueJson(bytes);
    const n = fragments(json, 50).length;
    const rows = await timeClients({ suite: "structured", clients, url: base("bulk", "oai-json", bytes), units: n, expect: { catalogue: bytes, textLength: json.length } });
    results[bytes] = { rows, n, length: json.length };
  }
  const [small, large] = sizes.map((b) => results[b]);
  const lines = [];
  for (const client of clients) {
    const a = small.rows.find((r) => r.client === client);
    const b = large.rows.find((r) => r.client === client);
    lines.push([client, fx(a.ms, 1), fx(b.ms, 1), fx(a.usPerUnit), fx(b.usPerUnit), `${fx(b.ms / a.ms)}`]);
  }
  const s = (r, c) => r.rows.find((x) => x.client === c);
  const cost = (r) => s(r, clients[0]).ms - s(r, clients[1]).ms;
  summary.structured = { ratio: s(large, clients[0]).ms / s(small, clients[0]).ms, bytesRatio: large.length / small.length };
  emit(
    `StructuredStream: a JSON object of 250 KB and 1 MB in 50-character fragments (${small.n.toLocaleString("en")} and ${large.n.toLocaleString("en")} OpenAI chunks), median of ${RUNS}`,
    table(["client", "250 KB ms", "1 MB ms", "250 KB µs/fragment", "1 MB µs/fragment", "time ratio 1 MB / 250 KB"], lines),
    `Byte ratio ${fx(large.length / small.length)} (${small.length.toLocaleString("en")} and ${large.length.toLocaleString("en")} characters): linear work gives a time ratio near ${fx(large.length / small.length, 1)}, quadratic near ${fx((large.length / small.length) ** 2, 0)}. ` +
      `StructuredStream's time ratio: ${fx(summary.structured.ratio)}. ` +
      `Cost over streaming the same bytes as text: ${fx(cost(small), 1)} ms at 250 KB (${fx((1000 * cost(small)) / small.n)} µs per fragment, ${fx(s(small, clients[0]).ms / s(small, clients[1]).ms)}×), ` +
      `${fx(cost(large), 1)} ms at 1 MB (${fx((1000 * cost(large)) / large.n)} µs per fragment, ${fx(s(large, clients[0]).ms / s(large, clients[1]).ms)}×). ` +
      `Partial values yielded per run (1 MB): ${s(large, clients[0]).extra?.partials}.`,
  );
}

// ------------------------------------------------------------------------------------------ main

async function main() {
  const started = performance.now();
  prepareDist();
  const env = { date: new Date().toISOString(), machine: machine(), versions: versions(), load: loadavg()[0].toFixed(2) };
  console.log(`promptcall bench — ${env.machine.cpu}, ${env.machine.cores} cores, Node ${env.machine.node}`);
  server = await startServer();
  try {
    for (const section of sections) {
      console.log(`\n== ${section}`);
      try {
        await runSection(section);
      } catch (error) {
        failures.push(section);
        console.error(error);
        emit(`${section}: FAILED`, `\`\`\`\n${String(error?.message ?? error)}\n\`\`\``);
      }
    }
  } finally {
    server.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`\nbench finished in ${seconds.toFixed(0)} s${failures.length ? `; failed sections: ${failures.join(", ")}` : ""}`);
  if (chosen.length === 0 && !quick) {
    writeFileSync(join(benchDir, "RESULTS.md"), results(env, seconds));
    console.log("wrote bench/RESULTS.md");
  } else {
    console.log("(a partial or --quick run: bench/RESULTS.md left unchanged)");
  }
  if (failures.length) process.exitCode = 1;
}

const failures = [];

async function runSection(section) {
  if (section === "size") await sizeSection();
  else if (section === "openai") await openaiSection("bulk");
  else if (section === "paced") await openaiSection("paced");
  else if (section === "anthropic") await anthropicSection();
  else if (section === "complete") await completeSection();
  else if (section === "scaling") await scalingSection();
  else if (section === "memory") await memorySection();
  else if (section === "structured") await structuredSection();
  else throw new Error(`unknown section ${section} (sections: ${ALL.join(" ")})`);
}

function results(env, seconds) {
  const m = env.machine;
  return [
    "# promptcall benchmarks",
    "",
    "Generated by `npm run bench` (bench/run.mjs); do not edit by hand.",
    "",
    `- Date: ${env.date}`,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}; Node ${m.node}`,
    `- Versions: ${Object.entries(env.versions).map(([k, v]) => `${k} ${v}`).join(", ")}`,
    `- Method: each client runs in a fresh Node process against a loopback HTTP server in another process. Clients take turns over ${ROUNDS} rounds of ${RUNS / ROUNDS} timed runs (after warm-up runs totalling at least ${WARM_UNITS.toLocaleString("en")} chunks or calls); figures are medians of the ${RUNS} runs. Every run checks that all the text (or the exact JSON value) arrived. Full run: ${seconds.toFixed(0)} s.`,
    `- Load average (1 min) at start and end: ${env.load} → ${loadavg()[0].toFixed(2)} (other work on this ${env.machine.cores}-core machine adds noise; compare ratios within a table rather than absolute times across tables).`,
    "",
    ...report,
  ].join("\n");
}

await main();
