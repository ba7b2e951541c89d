// Bundle sizes: each program in bench/size/<library>.<program>.ts bundled for the browser with
// esbuild (bundle, minify, ESM, platform browser) and gzipped at level 9. The schema library (zod)
// is reported apart: once bundled in ("total"), once left external ("library"); zod = the difference.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export const MARKERS = {
  openai: ["chat/completions", "chat.completion.chunk"],
  anthropic: ["anthropic-version", "content_block_delta"],
  google: ["generativelanguage", "streamGenerateContent"],
};

/** Resolves `promptcall` and `promptcall/<entry>` to a dist folder, as a bundler would through exports. */
function promptcallPlugin(distDir) {
  return {
    name: "promptcall-dist",
    setup(b) {
      b.onResolve({ filter: /^promptcall(\/[a-z]+)?$/ }, (args) => ({ path: join(distDir, `${args.path.split("/")[1] ?? "index"}.js`) }));
    },
  };
}

/** Bundles one entry; returns minified bytes, gzip bytes, the output text and the metafile. */
export async function bundle(entry, { distDir, zodExternal = false, absWorkingDir }) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    absWorkingDir,
    external: zodExternal ? ["zod", "zod/*"] : [],
    plugins: [promptcallPlugin(distDir)],
  });
  const out = result.outputFiles[0].contents;
  return { bytes: out.length, gzip: gzipSync(out, { level: 9 }).length, text: result.outputFiles[0].text, metafile: result.metafile };
}

/** The providers whose marker strings appear in a bundle. */
export function providersIn(text) {
  return Object.entries(MARKERS)
    .filter(([, words]) => words.some((w) => text.includes(w)))
    .map(([name]) => name);
}

/** Bytes in the output per input file (pre-gzip), largest first. */
export function inputsBySize(metafile, root) {
  const output = Object.values(metafile.outputs)[0];
  return Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({ path: relative(root, join(root, path)), bytes: bytesInOutput }))
    .filter((i) => i.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

/** Measures every program in sizeDir. */
export async function measureSizes({ sizeDir, distDir, benchDir }) {
  const rows = [];
  for (const file of readdirSync(sizeDir).filter((f) => f.endsWith(".ts")).sort()) {
    const [library, program] = file.replace(/\.ts$/, "").split(".");
    const entry = join(sizeDir, file);
    const total = await bundle(entry, { distDir, absWorkingDir: benchDir });
    const lib = await bundle(entry, { distDir, absWorkingDir: benchDir, zodExternal: true });
    const usesZod = /\bfrom\s*["']zod/.test(readFileSync(entry, "utf8"));
    const importsZod = /from"zod(\/[^"]*)?"|import"zod(\/[^"]*)?"/.test(lib.text);
    rows.push({
      program,
      library,
      file,
      libraryGzip: lib.gzip,
      libraryBytes: lib.bytes,
      totalGzip: total.gzip,
      zodGzip: total.gzip - lib.gzip,
      zodFrom: importsZod ? (usesZod ? "program + library" : "library") : usesZod ? "program" : "",
      providers: providersIn(total.text),
    });
  }
  return rows;
}

/**
 * The promptcall OpenAI streaming program bundled from the TypeScript sources instead of dist, so
 * the metafile names the source files that take the bytes.
 */
export async function promptcallBreakdown({ root, entryText }) {
  const result = await build({
    stdin: { contents: entryText, resolveDir: root, loader: "ts", sourcefile: "entry.ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    absWorkingDir: root,
    alias: { "promptcall/openai": join(root, "src/providers/openai/index.ts") },
  });
  const out = result.outputFiles[0].contents;
  return { gzip: gzipSync(out, { level: 9 }).length, bytes: out.length, inputs: inputsBySize(result.metafile, root) };
}
