#!/usr/bin/env node
// promptcall/mcp against the official SDK's client (@modelcontextprotocol/sdk 1.32.2): the same
// program (connect, list every tool, call one, close; bench/mcp/*.ts) for each client.
// 1. Bytes for a page: esbuild with the suite's browser settings (bench/lib/bundle-options.mjs:
//    bundle, minify, ESM, splitting), each chunk gzipped at level 9; "up front" counts the chunks
//    the entry imports statically (transitively), "all" every chunk (lazy ones included).
// 2. Runtimes: the program bundled into one file and run against the MCP test server
//    (test/support/mcp-server.mjs, the SDK's own server) in Node, Deno, workerd (miniflare) and
//    Chromium.
// Run from the root: node bench/mcp/compare.mjs  (prints a Markdown table; writes nothing).
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { chromium } from "playwright";
import { BROWSER_BUNDLE } from "../lib/bundle-options.mjs";
import { chromiumArgs, chromiumPath } from "../../test/support/chromium.mjs";
import { startMcpServer } from "../../test/support/mcp-server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const out = join(root, "bench", "out", "mcp");
const programs = {
  "promptcall/mcp": "promptcall.ts",
  "@modelcontextprotocol/sdk": "sdk.ts",
  "sdk + CfWorkerJsonSchemaValidator": "sdk-cfworker.ts",
};
const alias = {
  "promptcall/mcp": join(root, "src/mcp/index.ts"),
  "promptcall/openai": join(root, "src/providers/openai/index.ts"),
  promptcall: join(root, "src/index.ts"),
};
const gz = (text) => gzipSync(text, { level: 9 }).length;

async function pageBytes(file, name) {
  const outdir = join(out, "page", name);
  rmSync(outdir, { recursive: true, force: true });
  await build({ ...BROWSER_BUNDLE, entryPoints: { app: join(here, file) }, outdir, absWorkingDir: root, alias });
  const size = (chunk) => gz(readFileSync(join(outdir, chunk), "utf8"));
  const all = readdirSync(outdir).filter((chunk) => chunk.endsWith(".js"));
  return {
    upFront: [...staticClosure(outdir, "app.js")].reduce((sum, chunk) => sum + size(chunk), 0),
    all: all.reduce((sum, chunk) => sum + size(chunk), 0),
  };
}

/** The chunks a page loads before the program runs: the entry and every chunk it imports statically, transitively. */
function staticClosure(dir, entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  // esbuild writes static imports as `import{…}from"./chunk.js"` or `import"./chunk.js"`; `import("./…")` stays lazy.
  for (const match of readFileSync(join(dir, entry), "utf8").matchAll(/(?:from|import)\s*"\.\/([^"]+)"/g))
    staticClosure(dir, match[1], seen);
  return seen;
}

async function singleFile(file, name, platform) {
  const outfile = join(out, "run", `${name}.${platform}.mjs`);
  await build({
    ...BROWSER_BUNDLE,
    splitting: false,
    minify: false,
    platform,
    entryPoints: [join(here, file)],
    outfile,
    absWorkingDir: root,
    alias,
  });
  return outfile;
}

const deno = join(root, "node_modules", ".bin", "deno");

function runDeno(bundle, url) {
  const code = `const { run } = await import(${JSON.stringify(pathToFileURL(bundle).href)}); console.log(await run(${JSON.stringify(url)}));`;
  return new Promise((resolve) => {
    execFile(
      deno,
      ["eval", "--no-check", code],
      { cwd: root, env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" } },
      (error, stdout, stderr) => resolve(error ? `fails: ${lastLine(stderr)}` : stdout.trim()),
    );
  });
}

async function runWorkerd(bundle, url) {
  const script = `${readFileSync(bundle, "utf8")}\nexport default { async fetch() { try { return new Response(await run(${JSON.stringify(url)})); } catch (e) { return new Response("fails: " + e.message); } } };`;
  const mf = new Miniflare({ modules: true, script, compatibilityDate: "2025-09-01" });
  try {
    return await (await mf.dispatchFetch("http://worker/")).text();
  } finally {
    await mf.dispose();
  }
}

async function runChromium(browser, bundle, url) {
  const page = await browser.newPage();
  try {
    const source = readFileSync(bundle, "utf8");
    return await page.evaluate(
      async ([code, target]) => {
        const blob = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
        try {
          return await (await import(blob)).run(target);
        } catch (e) {
          return `fails: ${e.message}`;
        }
      },
      [source, url],
    );
  } finally {
    await page.close();
  }
}

const lastLine = (text) => text.trim().split("\n").filter(Boolean).slice(-3).join(" ").slice(0, 160);
const short = (result) => (result.startsWith("fails") ? result : `ok (${result})`);

const server = await startMcpServer();
const url = `${server.url}/mcp-session`;
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const rows = [];
try {
  for (const [name, file] of Object.entries(programs)) {
    const slug = file.replace(/\.ts$/, "");
    const bytes = await pageBytes(file, slug);
    const node = await import(pathToFileURL(await singleFile(file, slug, "node")).href)
      .then((m) => m.run(url))
      .catch((e) => `fails: ${e.message}`);
    const browserBundle = await singleFile(file, slug, "browser");
    rows.push({
      name,
      bytes,
      node: short(node),
      deno: short(await runDeno(browserBundle, url)),
      workerd: short(await runWorkerd(browserBundle, url)),
      chromium: short(await runChromium(browser, browserBundle, url)),
    });
  }
} finally {
  await browser.close();
  await server.close();
}

// What MCP adds to a page that already makes OpenAI tool calls (bytes only: these two are not run).
const loop = await pageBytes("openai-tools.ts", "openai-tools");
const loopMcp = await pageBytes("openai-mcp.ts", "openai-mcp");

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log("| client | gzip up front | gzip all chunks | Node | Deno | workerd | Chromium |");
console.log("| --- | ---: | ---: | --- | --- | --- | --- |");
for (const r of rows) {
  console.log(`| ${r.name} | ${kb(r.bytes.upFront)} | ${kb(r.bytes.all)} | ${r.node} | ${r.deno} | ${r.workerd} | ${r.chromium} |`);
}
console.log(
  `\nAn OpenAI tool loop: ${kb(loop.upFront)} up front; with an MCP server's tools added: ${kb(loopMcp.upFront)} (+${kb(loopMcp.upFront - loop.upFront)}).`,
);
