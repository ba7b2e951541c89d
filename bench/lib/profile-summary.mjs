// Summarises a V8 CPU profile (from `node bench/run.mjs --profile`, in bench/out/profiles/):
//   node bench/lib/profile-summary.mjs <file.cpuprofile> [top=25]
// Prints self time by function and by file, so the hot path's stages can be told apart.
import { readFileSync } from "node:fs";

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node bench/lib/profile-summary.mjs <file.cpuprofile> [top]");
  process.exit(1);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8"));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const deltas = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const shortUrl = (url) => url.replace(/^file:\/\//, "").replace(/^.*\/(node_modules\/|bench\/|dist\/)/, "$1") || "(native)";
const byFunction = new Map();
const byFile = new Map();
for (const [id, us] of self) {
  const { callFrame: f } = byId.get(id);
  const where = shortUrl(f.url);
  const key = `${f.functionName || "(anonymous)"}  ${where}:${f.lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  byFile.set(where, (byFile.get(where) ?? 0) + us);
}
const print = (title, map) => {
  console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms)`);
  for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
  }
};
print("self time by function", byFunction);
print("self time by file", byFile);
