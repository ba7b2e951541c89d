import typescript from "@rollup/plugin-typescript";
import { dts } from "rollup-plugin-dts";

// One build, several entries: shared core code lands in chunks that every entry imports,
// so `promptcall/openai` and `promptcall` share classes (instanceof, WeakMaps) and a bundler
// importing only `promptcall/openai` never sees Anthropic or Google code.
const input = {
  index: "src/index.ts",
  openai: "src/providers/openai/index.ts",
  anthropic: "src/providers/anthropic/index.ts",
  google: "src/providers/google/index.ts",
  testing: "src/testing/index.ts",
};
const external = ["eventsource-parser"];

export default [
  {
    input,
    external,
    output: { dir: "dist", format: "es", entryFileNames: "[name].js", chunkFileNames: "chunks/[name]-[hash].js" },
    plugins: [typescript({ tsconfig: "./tsconfig.json", noEmit: false, declaration: false, outDir: "dist" })],
  },
  {
    input,
    external,
    output: { dir: "dist", format: "es", entryFileNames: "[name].d.ts", chunkFileNames: "chunks/[name]-[hash].d.ts" },
    plugins: [dts({ tsconfig: "./tsconfig.json" })],
  },
];
