// Partial tools: the cost per argument fragment, and the per-chunk cost of a streamed tool call with
// and without `stream: { partialTools: true }` (and of a text stream, where nothing may change).
// Run from the root: node bench/partial-tools.mjs   (bundles src/ with esbuild into bench/out/).
import { build } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "out", "partial-tools");
mkdirSync(out, { recursive: true });
const entry = join(out, "entry.ts");
writeFileSync(
  entry,
  `export { PartialToolTracker } from "../../../src/core/tools/partial-tools.ts";
export { openai } from "../../../src/providers/openai/index.ts";
export { defineTool, jsonSchema } from "../../../src/index.ts";
export { createReplayFetch } from "../../../src/testing/replay-fetch.ts";`,
);
await build({
  entryPoints: [entry],
  bundle: true,
  format: "esm",
  platform: "neutral",
  outfile: join(out, "bundle.mjs"),
  logLevel: "error",
});
const lib = await import(pathToFileURL(join(out, "bundle.mjs")).href);

/** Median of `runs` timings of `fn` in ms. */
async function median(runs, fn) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

// Arguments of ~20 KB cut into 4-character fragments, as models stream them.
const args = JSON.stringify({
  city: "Paris",
  notes: Array.from({ length: 400 }, (_, i) => ({ day: i, text: `note ${i} about the weather` })),
});
const fragments = args.match(/[\s\S]{1,4}/g);
const deltas = fragments.map((f, i) => [{ index: 0, ...(i === 0 ? { id: "call_1", name: "get_weather" } : {}), arguments: f }]);
const definitions = [{ name: "get_weather" }];
const trackerMs = await median(61, () => {
  const tracker = new lib.PartialToolTracker(definitions);
  for (const d of deltas) tracker.push(d);
});
console.log(
  `tracker alone: ${((trackerMs * 1000) / fragments.length).toFixed(3)} us per argument fragment (${fragments.length} fragments, ${args.length} chars)`,
);

// The same arguments through a whole OpenAI stream: one SSE chunk per fragment.
const chunk = (delta, finish = null) =>
  `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", model: "gpt-4o-mini", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
const toolBody =
  fragments
    .map((f, i) =>
      chunk({
        tool_calls: [
          {
            index: 0,
            ...(i === 0
              ? { id: "call_1", type: "function", function: { name: "get_weather", arguments: f } }
              : { function: { arguments: f } }),
          },
        ],
      }),
    )
    .join("") + `${chunk({}, "tool_calls")}data: [DONE]\n\n`;
const textBody = `${fragments.map((f) => chunk({ content: f })).join("")}${chunk({}, "stop")}data: [DONE]\n\n`;
const tool = lib.defineTool({ name: "get_weather", description: "d", parameters: lib.jsonSchema({ type: "object" }), call: () => 1 });

async function streamMs(body, stream, tools) {
  return median(61, async () => {
    const fetch = lib.createReplayFetch({ body });
    const s = await lib.openai.call({ model: "gpt-4o-mini", stream, tools, client: { apiKey: "k", fetch } }, () => "?")();
    for await (const _ of s);
  });
}
const per = (ms) => `${((ms * 1000) / fragments.length).toFixed(3)} us/chunk`;
console.log(`tool-call stream, partialTools off: ${per(await streamMs(toolBody, true, [tool]))}`);
console.log(`tool-call stream, partialTools on:  ${per(await streamMs(toolBody, { partialTools: true }, [tool]))}`);
console.log(`text stream, partialTools off:      ${per(await streamMs(textBody, true, undefined))}`);
console.log(`text stream, partialTools on:       ${per(await streamMs(textBody, { partialTools: true }, undefined))}`);
