#!/usr/bin/env node
// promptcall/bedrock against the AWS SDK's Bedrock runtime client (@aws-sdk/client-bedrock-runtime,
// installed in bench/): the same streaming ConverseStream program (bench/bedrock/promptcall.ts and
// aws-sdk.ts), bundled with the suite's browser settings (bench/lib/bundle-options.mjs: bundle,
// minify, ESM, splitting), each chunk gzipped at level 9. "Up front" counts the entry chunk and the
// chunks it imports statically (what a page loads before the call runs); "all" every chunk, lazy
// ones included. Two more rows measure the event-stream framing alone: promptcall's own decoder
// against @smithy/eventstream-codec.
// Run from the root: node bench/bedrock/compare.mjs  (prints a Markdown table; writes only bench/out/).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundle } from "../lib/size.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const benchDir = join(root, "bench");

const programs = {
  "promptcall/bedrock": "promptcall.ts",
  "@aws-sdk/client-bedrock-runtime (ConverseStreamCommand)": "aws-sdk.ts",
  "framing only: promptcall's decoder": "framing-own.ts",
  "framing only: @smithy/eventstream-codec": "framing-smithy.ts",
};

console.log("| program | up front (gzip B) | all chunks (gzip B) | chunks |\n|---|---:|---:|---:|");
for (const [name, file] of Object.entries(programs)) {
  const outdir = join(benchDir, "out", "bedrock", file.replace(/\.ts$/, ""));
  // sourceRoot: promptcall/bedrock resolves to src/ (no build needed); aws4fetch from the root's node_modules.
  const b = await bundle(join(here, file), { sourceRoot: root, absWorkingDir: benchDir, outdir });
  const sum = (only) => [...b.chunks.values()].filter((c) => !only || only.has(c.file)).reduce((n, c) => n + c.gzip, 0);
  console.log(`| ${name} | ${sum(b.initial)} | ${sum()} | ${b.chunks.size} |`);
}
