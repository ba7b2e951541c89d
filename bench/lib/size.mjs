// Bundle sizes: each program in bench/size/<library>.<program>.ts bundled for the browser with
// esbuild (bundle, minify, ESM, platform browser, code splitting so `import()` stays lazy), each
// output chunk gzipped at level 9. The program is then run in Node against the loopback server
// (fetch redirected, `document` stubbed) to see which chunks the call really loads.
// The schema library (zod) is reported apart: the build is made twice, zod bundled and zod external.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { BROWSER_BUNDLE } from "./bundle-options.mjs";
import { word } from "./payloads.mjs";

function textOf(n) {
  let text = "";
  for (let i = 0; i < n; i++) text += word(i);
  return text;
}

export const MARKERS = {
  openai: ["chat/completions", "chat.completion.chunk"],
  anthropic: ["anthropic-version", "content_block_delta"],
  google: ["generativelanguage", "streamGenerateContent"],
};

/** The loopback route each program's calls are sent to. */
export const ROUTES = {
  "openai-stream": "bulk/oai-text/20",
  "anthropic-stream": "bulk/ant-text/20",
  "openai-tool-structured": "bulk/oai-tools/0",
};

/** What each program must print (document.body.append) when run against its route. */
const EXPECTED = {
  "openai-stream": textOf(20),
  "anthropic-stream": textOf(20),
  "openai-tool-structured": "coat, umbrella",
};

/**
 * Resolves `promptcall` and `promptcall/<entry>` to a dist folder, as a bundler would through the
 * package's exports — or, with `sourceRoot`, to the TypeScript sources (to name the files).
 */
function promptcallPlugin(distDir, sourceRoot) {
  const sources = { index: "src/index.ts", testing: "src/testing/index.ts" };
  return {
    name: "promptcall-dist",
    setup(b) {
      b.onResolve({ filter: /^promptcall(\/[a-z]+)?$/ }, (args) => {
        const sub = args.path.split("/")[1] ?? "index";
        if (!sourceRoot) return { path: join(distDir, `${sub}.js`) };
        return { path: join(sourceRoot, sources[sub] ?? `src/providers/${sub}/index.ts`) };
      });
    },
  };
}

const gz = (text) => gzipSync(text, { level: 9 }).length;

/**
 * Bundles one entry with code splitting into outdir. Returns every chunk (gzip and minified
 * bytes, text), the entry's file name and the chunks it imports statically (the initial load).
 */
export async function bundle(entry, { distDir, sourceRoot, zodExternal = false, absWorkingDir, outdir }) {
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    ...BROWSER_BUNDLE,
    entryPoints: { app: entry },
    outdir,
    absWorkingDir,
    external: zodExternal ? ["zod", "zod/*"] : [],
    plugins: [promptcallPlugin(distDir, sourceRoot)],
  });
  const outputs = result.metafile.outputs;
  const chunks = new Map();
  for (const [path, meta] of Object.entries(outputs)) {
    if (!path.endsWith(".js")) continue;
    const text = readFileSync(join(absWorkingDir, path), "utf8");
    chunks.set(basename(path), { file: basename(path), path, gzip: gz(text), bytes: text.length, text, meta });
  }
  const initial = new Set();
  const visit = (file) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const imp of chunks.get(file)?.meta.imports ?? []) if (imp.kind === "import-statement" && !imp.external) visit(basename(imp.path));
  };
  visit("app.js");
  return { chunks, initial, metafile: result.metafile };
}

/**
 * Runs a bundle's app.js in Node with fetch sent to `base`; returns the chunks it loaded and what it
 * printed. With `coverageDir`, V8 writes its block coverage of the run there (NODE_V8_COVERAGE).
 */
export async function runBundle(outdir, chunks, base, coverageDir) {
  for (const c of chunks.values()) {
    writeFileSync(join(outdir, c.file), `${c.text}\n;globalThis.__pcLoaded?.add(${JSON.stringify(c.file)});\n`);
  }
  const runner = join(outdir, "run.mjs");
  writeFileSync(
    runner,
    `const base = ${JSON.stringify(base)};
globalThis.__pcLoaded = new Set();
let printed = "";
globalThis.document = { body: { append: (...xs) => (printed += xs.join("")) } };
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const path = url.pathname.replace(/^\\/v1/, "");
  return realFetch(new Request(base + path, request));
};
await import("./app.js");
console.log(JSON.stringify({ loaded: [...globalThis.__pcLoaded], printed }));
`,
  );
  return new Promise((resolve, reject) => {
    const env = coverageDir ? { ...process.env, NODE_V8_COVERAGE: coverageDir } : process.env;
    execFile(process.execPath, [runner], { timeout: 30_000, env }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${runner} failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout.trim().split("\n").at(-1)));
    });
  });
}

/** The providers whose marker strings appear in any of the chunks. */
export function providersIn(texts) {
  return Object.entries(MARKERS)
    .filter(([, words]) => texts.some((t) => words.some((w) => t.includes(w))))
    .map(([name]) => name);
}

const sum = (chunks, files) => [...chunks.values()].filter((c) => !files || files.has(c.file)).reduce((n, c) => n + c.gzip, 0);

/**
 * Measures every program in sizeDir: gzip of the chunks the call loads (zod external), of the
 * initial load, of all chunks, and zod's share. `serverBase(route)` gives the loopback baseURL.
 */
export async function measureSizes({ sizeDir, distDir, benchDir, outDir, serverBase }) {
  const rows = [];
  for (const file of readdirSync(sizeDir)
    .filter((f) => f.endsWith(".ts"))
    .sort()) {
    const name = file.replace(/\.ts$/, "");
    const [library, program] = name.split(".");
    const entry = join(sizeDir, file);
    const withZod = await bundle(entry, { distDir, absWorkingDir: benchDir, outdir: join(outDir, `${name}.zod`) });
    const outdir = join(outDir, name);
    const lib = await bundle(entry, { distDir, absWorkingDir: benchDir, outdir, zodExternal: true });
    const run = await runBundle(outdir, lib.chunks, serverBase(ROUTES[program]));
    const loaded = new Set(run.loaded);
    const usesZod = /\bfrom\s*["']zod/.test(readFileSync(entry, "utf8"));
    const importsZod = [...lib.chunks.values()].some((c) => /from"zod(\/[^"]*)?"|import"zod(\/[^"]*)?"/.test(c.text));
    const allWithZod = sum(withZod.chunks);
    const allLib = sum(lib.chunks);
    rows.push({
      program,
      library,
      file,
      loadedGzip: sum(lib.chunks, loaded),
      loadedChunks: loaded.size,
      initialGzip: sum(lib.chunks, lib.initial),
      allGzip: allLib,
      allBytes: [...lib.chunks.values()].reduce((n, c) => n + c.bytes, 0),
      chunkCount: lib.chunks.size,
      zodGzip: allWithZod - allLib,
      totalGzip: allWithZod,
      zodFrom: importsZod ? (usesZod ? "program + library" : "library") : usesZod ? "program" : "",
      providers: providersIn([...lib.chunks.values()].filter((c) => loaded.has(c.file)).map((c) => c.text)),
      lazyProviders: providersIn([...lib.chunks.values()].filter((c) => !loaded.has(c.file)).map((c) => c.text)),
      printed: run.printed,
      works: run.printed === EXPECTED[program],
    });
  }
  return rows;
}

/**
 * Names the source files a promptcall program loads: bundles it from src/ with code splitting,
 * runs it, and sums each input's minified bytes over the chunks the call loaded (and the rest).
 */
export async function sourceBreakdown({ root, entry, benchDir, outdir, base }) {
  const b = await bundle(entry, { sourceRoot: root, absWorkingDir: benchDir, outdir, zodExternal: true });
  const coverageDir = join(outdir, "coverage");
  rmSync(coverageDir, { recursive: true, force: true });
  const run = await runBundle(outdir, b.chunks, base, coverageDir);
  const loaded = new Set(run.loaded);
  const files = (which) => {
    const bytes = new Map();
    for (const c of b.chunks.values()) {
      if (which(loaded.has(c.file))) {
        for (const [path, { bytesInOutput }] of Object.entries(c.meta.inputs)) {
          const key = relative(root, join(benchDir, path));
          bytes.set(key, (bytes.get(key) ?? 0) + bytesInOutput);
        }
      }
    }
    return [...bytes]
      .map(([path, n]) => ({ path, bytes: n }))
      .filter((i) => i.bytes > 0)
      .sort((x, y) => y.bytes - x.bytes);
  };
  const executed = executedBytes(
    coverageDir,
    outdir,
    [...b.chunks.values()].filter((c) => loaded.has(c.file)),
  );
  return { loadedGzip: sum(b.chunks, loaded), loaded: files((l) => l), lazy: files((l) => !l), executed };
}

/**
 * How many bytes of the given chunks ran (V8 block coverage of the run: a byte counts when the
 * innermost range holding it ran at least once), and how many they have in all.
 */
function executedBytes(coverageDir, outdir, chunks) {
  const ranges = new Map();
  for (const f of readdirSync(coverageDir)) {
    for (const script of JSON.parse(readFileSync(join(coverageDir, f), "utf8")).result) {
      const file = basename(script.url);
      if (script.url.startsWith("file://") && script.url.includes(basename(outdir))) ranges.set(file, script.functions);
    }
  }
  let total = 0;
  let ran = 0;
  for (const c of chunks) {
    const counts = new Int32Array(c.text.length).fill(-1);
    // Ranges come outer first within a function, so later (inner) ones overwrite: the innermost wins.
    for (const fn of ranges.get(c.file) ?? []) {
      for (const r of fn.ranges) counts.fill(r.count, r.startOffset, Math.min(r.endOffset, c.text.length));
    }
    total += c.text.length;
    for (let i = 0; i < counts.length; i++) if (counts[i] > 0) ran++;
  }
  return { total, ran };
}
