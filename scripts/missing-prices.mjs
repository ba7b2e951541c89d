// Reports the models seen in test/fixtures (the `model` of recorded bodies and stream events, the
// `model` of expect.json files, Bedrock's `request_model_id` in meta.json) that have no built-in
// price, i.e. for which `computeCost` (the root entry's, over every provider's table) gives undefined.
// Usage: npm run prices:missing   (exit code 0; the list is information, not a failure)
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const fixtures = join(root, "test", "fixtures");

/** The price lookup, bundled from src/ so that this script needs no build. */
async function loadPrices() {
  const out = await build({
    entryPoints: [join(root, "src", "llm", "prices.ts")],
    bundle: true,
    format: "esm",
    write: false,
    platform: "neutral",
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].contents).toString("base64")}`);
}

/** The provider a fixture's calls went to, from its folder (and, for compatible services, its name prefix). */
function providerOf(path) {
  const [first, second, file] = relative(fixtures, path).split("/");
  const folder = first === "extra" ? second : first;
  if (folder === "gemini") return "google";
  if (folder === "openai-compatible") return file.split("_")[0];
  return folder;
}

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Model names anywhere in a parsed JSON value, under the keys providers and our fixture notes use. */
function* modelsIn(value) {
  if (Array.isArray(value)) for (const item of value) yield* modelsIn(item);
  else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (["model", "modelVersion", "request_model_id"].includes(key) && typeof v === "string") {
        if (v) yield v; // Azure's streams send "model": "" on their first chunk
      } else yield* modelsIn(v);
    }
  }
}

function parsedBodies(path, text) {
  if (path.endsWith(".json")) return [JSON.parse(text)];
  if (path.endsWith(".sse")) {
    return text
      .split("\n")
      .filter((line) => line.startsWith("data:"))
      .flatMap((line) => {
        try {
          return [JSON.parse(line.slice(5))];
        } catch {
          return []; // "[DONE]" and other non-JSON data lines
        }
      });
  }
  return [];
}

const { findPrices } = await loadPrices();
const seen = new Map(); // "provider/model" -> fixture paths
for (const path of files(fixtures)) {
  if (path.endsWith("index.ts") || path.endsWith("prices.json")) continue;
  const provider = providerOf(path);
  for (const body of parsedBodies(path, readFileSync(path, "utf8"))) {
    for (const model of modelsIn(body)) {
      const key = `${provider}/${model}`;
      seen.set(key, [...(seen.get(key) ?? []), relative(fixtures, path)]);
    }
  }
}

const missing = [...seen].filter(([key]) => {
  const [provider, ...model] = key.split("/");
  return !findPrices(provider, model.join("/"));
});
console.log(`${seen.size} models seen in test/fixtures; ${missing.length} without a price:`);
for (const [key, paths] of missing.sort())
  console.log(`  ${key}  (${[...new Set(paths)].slice(0, 2).join(", ")}${paths.length > 2 ? ", …" : ""})`);
