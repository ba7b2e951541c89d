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

/** Issue 13's budget for the streaming OpenAI program, gzip bytes loaded by the call (issue 9's 6 KB is retired). */
const OPENAI_BUDGET = 11.5 * 1024;

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
  const stale =
    entries.some((e) => !existsSync(e)) || Math.min(...entries.map((e) => statSync(e).mtimeMs)) < newestMtime(join(root, "src"));
  if (stale) {
    console.log("dist/ is missing or older than src/: npm run build");
    const built = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
    if (built.status !== 0) throw new Error("npm run build failed at the root");
  }
  rmSync(snapshot, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  cpSync(join(root, "dist"), snapshot, { recursive: true, filter: (src) => !src.endsWith(".d.ts") });
  // The package's own module settings go with the copy: without `sideEffects: false` (the nearest package.json
  // would be bench's) a bundler keeps modules an app imports but never uses, which an app installing promptcall
  // would not load.
  const { type, sideEffects } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  writeFileSync(join(snapshot, "package.json"), `${JSON.stringify({ type, sideEffects })}\n`);
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
  return {
    cpu: cpu[0]?.model ?? "unknown",
    cores: cpu.length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${platform()} ${arch()}`,
  };
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
    nodeArgs.push(
      "--cpu-prof",
      `--cpu-prof-dir=${profileDir}`,
      `--cpu-prof-name=${spec.suite}-${spec.label ?? "run"}-${Date.now()}.cpuprofile`,
    );
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
async function timeClients({
  suite,
  clients,
  url,
  units,
  expect,
  runs = RUNS,
  rounds = ROUNDS,
  warmup = WARMUP,
  mode = "time",
  calls = 1,
}) {
  const samples = new Map(clients.map((c) => [c, { ms: [], extra: undefined }]));
  const perRound = Math.max(1, Math.ceil(runs / rounds));
  const warm = mode === "calls" ? warmup : Math.max(warmup, Math.ceil(WARM_UNITS / units));
  for (let round = 0; round < rounds; round++) {
    for (const client of clients) {
      const profile = flags.has("--profile") && client.startsWith("promptcall") && round === 0;
      const report = await worker(
        { suite, client, base: url, mode, calls, runs: perRound, warmup: warm, expect, label: client.replace(/\W+/g, "_") },
        { profile },
      );
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
  const line = (c) =>
    `| ${c.map((v, i) => ((align?.[i] ?? (i === 0 ? "l" : "r")) === "l" ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(" | ")} |`;
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
    rows.map((r) => [
      r.client,
      fx(r.ms, 1),
      `${fx(r.min, 0)}–${fx(r.max, 0)}`,
      fx(r.usPerUnit),
      raw ? `${fx(r.ms / raw.ms)}×` : "",
      raw ? `${fx(r.min / raw.min)}×` : "",
    ]),
  );
}

// -------------------------------------------------------------------------------------- sections

const RAW = "raw: fetch + EventSourceParserStream + JSON.parse";
const summary = {};

async function sizeSection() {
  const { MARKERS, measureSizes, ROUTES, sourceBreakdown } = await import("./lib/size.mjs");
  const sizeOut = join(outDir, "size");
  const serverBase = (route) => `http://127.0.0.1:${server.port}/${route}/v1`;
  const rows = await measureSizes({ sizeDir: join(benchDir, "size"), distDir: snapshot, benchDir, outDir: sizeOut, serverBase });
  const programs = [...new Set(rows.map((r) => r.program))];
  const order = ["promptcall", "raw", "openai-sdk", "anthropic-sdk", "ai-sdk"];
  const names = {
    promptcall: "promptcall",
    raw: "raw fetch + eventsource-parser",
    "openai-sdk": "openai 6 (SDK)",
    "anthropic-sdk": "@anthropic-ai/sdk 1",
    "ai-sdk": "AI SDK 6 (ai + @ai-sdk/*)",
  };
  const lines = [];
  for (const program of programs) {
    for (const r of rows.filter((x) => x.program === program).sort((a, b) => order.indexOf(a.library) - order.indexOf(b.library))) {
      if (!r.works)
        throw new Error(`bench/size/${r.file} did not print what it should when run (printed ${JSON.stringify(r.printed.slice(0, 200))})`);
      const lazy = r.lazyProviders.filter((p) => !r.providers.includes(p));
      lines.push([
        program,
        names[r.library] ?? r.library,
        kb(r.loadedGzip),
        kb(r.initialGzip),
        `${kb(r.allGzip)} (${r.chunkCount})`,
        r.zodGzip ? kb(r.zodGzip) : "–",
        r.zodFrom || "–",
        r.providers.join(", ") + (lazy.length ? ` (lazy, not loaded: ${lazy.join(", ")})` : ""),
      ]);
    }
  }
  const pc = rows.find((r) => r.library === "promptcall" && r.program === "openai-stream");
  summary.size = pc;
  const okProviders = pc.providers.length === 1 && pc.providers[0] === "openai" && pc.lazyProviders.every((p) => p === "openai");
  emit(
    "Bundle size (esbuild --bundle --splitting --minify --format=esm --platform=browser; each chunk gzip -9), KB",
    table(
      [
        "program",
        "library",
        "loaded by the call",
        "initial load",
        "all chunks (count)",
        "zod",
        "zod imported by",
        "providers' code loaded",
      ],
      lines,
      ["l", "l"],
    ),
    "Sizes exclude zod (bundled as external); the `zod` column is what bundling it adds. `loaded by the call`: the chunks the program loaded when run against the loopback server " +
      "(Node, fetch redirected; each program's output is checked); `initial load`: the entry and its static imports; `all chunks`: everything reachable, lazy `import()`s included. Programs are in `bench/size/`.\n" +
      `Provider code is detected by marker strings: ${Object.entries(MARKERS)
        .map(([p, w]) => `${p}: ${w.map((x) => `\`${x}\``).join(", ")}`)
        .join("; ")}.\n` +
      `Budget (issue 13; test/node/size-budget.test.ts): what promptcall's streaming OpenAI program loads ≤ 11.5 KB gzip — now ${kb(pc.loadedGzip)} KB, ` +
      `${pc.loadedGzip <= OPENAI_BUDGET ? "within budget" : `**over by ${kb(pc.loadedGzip - OPENAI_BUDGET)} KB**`}; ` +
      `${okProviders ? "no Anthropic or Google code in any chunk" : `**other providers' code present: ${pc.providers.join(", ")}**`}.`,
  );
  const breakdown = await sourceBreakdown({
    root,
    entry: join(benchDir, "size", "promptcall.openai-stream.ts"),
    benchDir,
    outdir: join(sizeOut, "promptcall-from-src"),
    base: serverBase(ROUTES["openai-stream"]),
  });
  summary.breakdown = breakdown;
  const groupOf = (p) =>
    p.includes("node_modules/eventsource-parser")
      ? "eventsource-parser"
      : /partial-json|structured|response-model|schema|strict/.test(p)
        ? "structured outputs (schema, strict transform, partial JSON)"
        : /responses-/.test(p)
          ? 'Responses API (api: "responses")'
          : /tool/.test(p)
            ? "tools"
            : /price|cost/.test(p)
              ? "prices and cost"
              : /errors\/|to-error|stream-errors|network-failure/.test(p)
                ? "errors"
                : /convert-|message|parts|prompt/.test(p)
                  ? "messages and content conversion"
                  : /retry|backoff|send-request|abort|sleep/.test(p)
                    ? "request, retries"
                    : /stream|sse|read-stream/.test(p)
                      ? "streaming core"
                      : "call factory, client, other";
  const grouped = (files) => {
    const groups = new Map();
    for (const i of files) groups.set(groupOf(i.path), (groups.get(groupOf(i.path)) ?? 0) + i.bytes);
    return groups;
  };
  const loadedGroups = grouped(breakdown.loaded);
  const lazyGroups = grouped(breakdown.lazy);
  const loadedTotal = breakdown.loaded.reduce((n, i) => n + i.bytes, 0);
  const groupNames = [...new Set([...loadedGroups.keys(), ...lazyGroups.keys()])].sort(
    (a, b) => (loadedGroups.get(b) ?? 0) - (loadedGroups.get(a) ?? 0),
  );
  emit(
    "What takes the bytes in promptcall's streaming OpenAI program (bundled from src/ with splitting; minified bytes before gzip)",
    table(
      ["group", "loaded by a streaming call", "share", "lazy, not loaded"],
      groupNames.map((g) => [
        g,
        loadedGroups.get(g) ?? 0,
        `${fx((100 * (loadedGroups.get(g) ?? 0)) / loadedTotal, 0)}%`,
        lazyGroups.get(g) ?? 0,
      ]),
      ["l"],
    ) +
      "\n\nLargest files loaded by the call:\n\n" +
      table(
        ["file", "minified bytes"],
        breakdown.loaded.slice(0, 20).map((i) => [i.path, i.bytes]),
        ["l"],
      ),
    `Loaded: ${loadedTotal} bytes minified, ${kb(breakdown.loadedGzip)} KB gzip (from src/; dist/ may differ slightly). ` +
      `Of the loaded chunks, ${breakdown.executed.ran} of ${breakdown.executed.total} bytes ` +
      `(${fx((100 * breakdown.executed.ran) / breakdown.executed.total, 0)}%) ran during the call (V8 block coverage). ` +
      "The rest is what a stream must offer synchronously though this program does not use it (constructCallResponse, " +
      "messageParam, cost, tools, textStream/toResponse, resume: DESIGN.md's stream surface) and the branches for other " +
      "options and for errors.",
  );
}

async function openaiSection(mode) {
  const n = 20_000;
  const clients = [
    "fetch (drain bytes only)",
    RAW,
    "raw: fetch + createParser callback + JSON.parse",
    "promptcall",
    "openai 6 (SDK)",
    "AI SDK 6 streamText",
  ];
  const rows = await timeClients({
    suite: "openai",
    clients,
    url: base(mode, "oai-text", n),
    units: n,
    expect: { textLength: textLength(n) },
  });
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
  const rows = await timeClients({
    suite: "anthropic",
    clients,
    url: base("bulk", "ant-text", n),
    units: n,
    expect: { textLength: textLength(n) },
  });
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
  const rows = await timeClients({
    suite: "complete",
    clients,
    url: base("bulk", "oai-complete", 0),
    units: calls,
    mode: "calls",
    calls,
    warmup: 1,
  });
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
    const rows = await timeClients({
      suite: "openai",
      clients,
      url: base("bulk", "oai-text", n),
      units: n,
      expect: { textLength: textLength(n) },
      runs: n >= 200_000 ? 4 : RUNS,
      warmup: 1,
    });
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
    const { memory: m } = await worker({
      suite: "memory",
      client,
      base: base("bulk", "oai-big", bytes),
      mode: "memory",
      expect: { bytes: total },
    });
    console.log(`${fx(m.growthMB, 1)} MB`);
    lines.push([
      client,
      fx(m.baselineMB, 1),
      fx(m.peakHeapMB, 1),
      fx(m.growthMB, 1),
      fx(m.maxRssMB, 0),
      fx(total / 2 ** 20 / m.seconds, 0),
    ]);
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
  const clients = [
    "promptcall StructuredStream",
    "promptcall text stream (same bytes)",
    "raw text + one JSON.parse + zod parse at the end",
  ];
  const results = {};
  for (const bytes of sizes) {
    const json = catalogueJson(bytes);
    const n = fragments(json, 50).length;
    const rows = await timeClients({
      suite: "structured",
      clients,
      url: base("bulk", "oai-json", bytes),
      units: n,
      expect: { catalogue: bytes, textLength: json.length },
    });
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
  if (!existsSync(join(benchDir, "node_modules", "esbuild")) || !existsSync(join(benchDir, "node_modules", "openai"))) {
    console.error("bench/ has its own dependencies: run `npm ci --prefix bench` (or `npm install --prefix bench`) first.");
    process.exit(1);
  }
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

/** One line per target of issue 9 / issue 7, from the sections that ran. */
function targets() {
  const out = [];
  const verdict = (ok) => (ok ? "met" : "**missed**");
  if (summary.size) {
    out.push(
      `Bundle: a streaming OpenAI call loads ${kb(summary.size.loadedGzip)} KB gzip of promptcall (budget 11.5 KB): ${verdict(summary.size.loadedGzip <= OPENAI_BUDGET)}.`,
    );
  }
  for (const [key, label] of [
    ["bulk", "OpenAI stream, body in one write"],
    ["paced", "OpenAI stream, one write per event"],
    ["anthropic", "Anthropic stream"],
  ]) {
    if (summary[key])
      out.push(`${label}: promptcall ${fx(summary[key].ratio)}× raw (target ≤ 1.25×): ${verdict(summary[key].ratio <= 1.25)}.`);
  }
  if (summary.complete)
    out.push(
      `Non-streaming call: promptcall adds ${fx(summary.complete.overheadUs, 0)} µs per call over raw fetch (${fx(summary.complete.ratio)}×).`,
    );
  if (summary.scaling) {
    const s = summary.scaling;
    out.push(
      `Scaling: promptcall µs per chunk at 2k / 20k / 200k chunks: ${s.map((u) => fx(u)).join(" / ")} (max/min ${fx(Math.max(...s) / Math.min(...s))}×; flat within 1.5×: ${verdict(Math.max(...s) / Math.min(...s) <= 1.5)}).`,
    );
  }
  if (summary.memory)
    out.push(
      `Memory: streaming 50 MB through toResponse() grows the heap by ${fx(summary.memory.growthMB, 0)} MB (the stream keeps the whole text in stream.content).`,
    );
  if (summary.structured) {
    const r = summary.structured.ratio;
    out.push(
      `StructuredStream: 1 MB takes ${fx(r)}× the time of 250 KB (byte ratio ${fx(summary.structured.bytesRatio)}; linear ≈ 4, quadratic ≈ 16): ${verdict(r < 6)}.`,
    );
  }
  return out;
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
    `- Versions: ${Object.entries(env.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
    `- Method: each client runs in a fresh Node process against a loopback HTTP server in another process. Clients take turns over ${ROUNDS} rounds of ${RUNS / ROUNDS} timed runs (after warm-up runs totalling at least ${WARM_UNITS.toLocaleString("en")} chunks or calls); figures are medians of the ${RUNS} runs. Every run checks that all the text (or the exact JSON value) arrived. Full run: ${seconds.toFixed(0)} s.`,
    `- Load average (1 min) at start and end: ${env.load} → ${loadavg()[0].toFixed(2)} (other work on this ${env.machine.cores}-core machine adds noise; compare ratios within a table rather than absolute times across tables).`,
    "",
    "## Targets",
    "",
    ...targets().map((t) => `- ${t}`),
    "",
    ...report,
  ].join("\n");
}

await main();
