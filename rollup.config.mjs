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

const configs = [
  {
    input,
    external,
    output: { dir: "dist", format: "es", preserveModules: true, preserveModulesRoot: "src", entryFileNames: "[name].js" },
    plugins: [typescript({ tsconfig: "./tsconfig.json", noEmit: false, declaration: false, outDir: "dist" })],
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
