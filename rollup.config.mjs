import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import typescript from "@rollup/plugin-typescript";
import { dts } from "rollup-plugin-dts";

// One build, several entries. The JavaScript keeps one file per source module (preserveModules), so
// an app's bundler sees the same module graph as the sources: it can leave out, or load lazily,
// every module a program does not use (merged chunks would drag along whatever shares a chunk).
// Every entry imports the same module files, so `promptcall/openai` and `promptcall` share classes
// (instanceof, WeakMaps), and a bundler importing only `promptcall/openai` never sees Anthropic or
// Google code. Entry modules are named after their entry (`dist/openai.js` …); types are bundled
// per entry.
const input = {
  index: "src/index.ts",
  openai: "src/providers/openai/index.ts",
  anthropic: "src/providers/anthropic/index.ts",
  google: "src/providers/google/index.ts",
  bedrock: "src/providers/bedrock/index.ts",
  vertex: "src/providers/vertex/index.ts",
  testing: "src/testing/index.ts",
  provider: "src/provider.ts",
  worker: "src/worker/index.ts",
  browser: "src/browser/index.ts",
  mcp: "src/mcp/index.ts",
  otel: "src/otel/index.ts",
};
const external = ["eventsource-parser", "aws4fetch", "@opentelemetry/api"];

const ERRORS_INDEX = fileURLToPath(new URL("./src/errors/index.ts", import.meta.url));

/**
 * Keeps `import { … } from "../errors/index.ts"` pointing at dist/errors/index.js. Lazily loaded code
 * imports its error classes from that barrel so that an app's bundler, which puts a module in a chunk by
 * the set of entries that reach it, keeps every error class in one chunk (ARCHITECTURE.md, "Lazy seams").
 * Rollup rewrites such an import to the file that defines the class, which left an app that imports the
 * root entry with eleven small error chunks (about 1.9 KB gzip more up front). Only modules whose source
 * imports the barrel, and only imports of names the barrel exports, are rewritten back.
 */
function keepErrorsBarrel() {
  const users = new Set();
  const barrelImport = /^import \{[^}]*\} from ["'][./]*errors\/index\.ts["']/m;
  return {
    name: "keep-errors-barrel",
    transform(_code, id) {
      if (id.endsWith(".ts") && barrelImport.test(readFileSync(id, "utf8"))) users.add(id);
      return null;
    },
    renderChunk(code, chunk) {
      if (!chunk.facadeModuleId || !users.has(chunk.facadeModuleId)) return null;
      const names = new Set(this.getModuleInfo(ERRORS_INDEX)?.exports ?? []);
      const out = code.replace(/^import \{([^}]*)\} from '((?:\.\.?\/)+)errors\/([a-z-]+)\.js';$/gm, (line, list, up, file) => {
        const imported = list
          .split(",")
          .map((s) => s.trim().split(/\s+as\s+/)[0])
          .filter(Boolean);
        return file !== "index" && imported.every((n) => names.has(n)) ? `import {${list}} from '${up}errors/index.js';` : line;
      });
      return out === code ? null : { code: out, map: null };
    },
  };
}

const configs = [
  {
    // errors/index is an input so that dist/errors/index.js exists for keepErrorsBarrel (not a package entry).
    input: { ...input, "errors/index": "src/errors/index.ts" },
    external,
    output: { dir: "dist", format: "es", preserveModules: true, preserveModulesRoot: "src", entryFileNames: "[name].js" },
    plugins: [typescript({ tsconfig: "./tsconfig.json", noEmit: false, declaration: false, outDir: "dist" }), keepErrorsBarrel()],
  },
  {
    input,
    external,
    output: { dir: "dist", format: "es", entryFileNames: "[name].d.ts", chunkFileNames: "chunks/[name]-[hash].d.ts" },
    plugins: [dts({ tsconfig: "./tsconfig.json" })],
  },
];

// `npm run demo` needs only the JavaScript (PROMPTCALL_BUILD=js): the bundled types take most of the build time.
export default process.env.PROMPTCALL_BUILD === "js" ? configs.slice(0, 1) : configs;
