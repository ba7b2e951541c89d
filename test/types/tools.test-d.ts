// Type tests of tools: `tool.args` is typed and narrows by `tool.name` in streams, in
// `executeTools()` results, in `runTools` and in toolkits. Compiled by `tsc -p tsconfig.test.json`.
import { expectTypeOf } from "vitest";
import { z } from "zod";
import { defineTool, defineToolkit, isCallResponse, runTools } from "../../src/index.ts";
import { anthropic } from "../../src/providers/anthropic/index.ts";
import { google } from "../../src/providers/google/index.ts";
import { openai } from "../../src/providers/openai/index.ts";

const getWeather = defineTool({
  name: "get_weather",
  description: "d",
  parameters: z.object({ city: z.string() }),
  call: ({ city }) => ({ city, tempC: 21 }),
});
const getTime = defineTool({
  name: "get_time",
  description: "d",
  parameters: z.object({ zone: z.string(), hour12: z.boolean() }),
  call: () => "09:00",
});

async function streams() {
  const stream = await openai.call({ model: "m", stream: true, tools: [getWeather, getTime] }, () => "?")();
  for await (const [, tool] of stream) {
    if (!tool) continue;
    expectTypeOf(tool.name).toEqualTypeOf<"get_weather" | "get_time">();
    if (tool.name === "get_weather") {
      expectTypeOf(tool.args).toEqualTypeOf<{ city: string }>();
      // @ts-expect-error get_weather has no zone
      tool.args.zone;
    } else {
      expectTypeOf(tool.args).toEqualTypeOf<{ zone: string; hour12: boolean }>();
      // @ts-expect-error get_time has no city
      tool.args.city;
    }
  }
  const outputs = await stream.executeTools();
  for (const [tool] of outputs) {
    if (tool.name === "get_time") expectTypeOf(tool.args.hour12).toEqualTypeOf<boolean>();
    // @ts-expect-error the union has no common `city`
    tool.args.city;
  }
  const claude = await anthropic.call({ model: "m", stream: true, tools: [getWeather, getTime] }, () => "?")();
  for await (const [, tool] of claude) if (tool?.name === "get_weather") expectTypeOf(tool.args.city).toBeString();
  const gemini = await google.call({ model: "m", stream: true, tools: [getWeather, getTime] }, () => "?")();
  for await (const [, tool] of gemini) if (tool?.name === "get_time") expectTypeOf(tool.args.zone).toBeString();
}

async function responses() {
  const response = await anthropic.call({ model: "m", tools: [getWeather, getTime] }, () => "?")();
  const outputs = await response.executeTools({ throwOnError: true });
  const [tool, , error] = outputs[0];
  expectTypeOf(error).toBeUnknown();
  if (tool.name === "get_weather") expectTypeOf(tool.args).toEqualTypeOf<{ city: string }>();
  // @ts-expect-error a tool name that is not among the call's tools
  if (tool.name === "get_stock") return;
  const responsesApi = await openai.call({ model: "m", api: "responses", tools: [getWeather, getTime] }, () => "?")();
  for (const [t] of await responsesApi.executeTools()) if (t.name === "get_weather") expectTypeOf(t.args.city).toBeString();
}

async function loops() {
  const ask = openai.call({ model: "m", tools: [getWeather, getTime] }, (q: string) => q);
  const result = await runTools(ask, "?", { maxSteps: 3, approve: (tool) => tool.name !== "get_time" });
  expectTypeOf(result.response.content).toBeString();
  for (const [tool] of result.steps[0].outputs) if (tool.name === "get_weather") expectTypeOf(tool.args.city).toBeString();
  // @ts-expect-error the call's parameter is a string
  await runTools(ask, 42, { maxSteps: 3 });
  // @ts-expect-error maxSteps is required
  await runTools(ask, "?", {});
  const streamed = openai.call({ model: "m", stream: true, tools: [getWeather] }, (q: string) => q);
  await runTools(streamed, "?", {
    maxSteps: 2,
    onChunk: ([chunk, tool]) => {
      expectTypeOf(chunk.content).toBeString();
      if (tool) expectTypeOf(tool.args.city).toBeString();
    },
  });
}

async function partialTools() {
  const stream = await anthropic.call({ model: "m", stream: { partialTools: true }, tools: [getWeather, getTime] }, () => "?")();
  for await (const [, tool] of stream) {
    if (!tool) continue;
    if (tool.partial) {
      expectTypeOf(tool.delta).toBeString();
      if (tool.name === "get_time") expectTypeOf(tool.args).toEqualTypeOf<{ zone?: string; hour12?: boolean }>();
      // @ts-expect-error a partial tool cannot run yet
      tool.call();
    } else if (tool.name === "get_weather") {
      expectTypeOf(tool.args).toEqualTypeOf<{ city: string }>();
      await tool.call();
    }
  }
  const plain = await anthropic.call({ model: "m", stream: true, tools: [getWeather] }, () => "?")();
  for await (const [, tool] of plain) if (tool) expectTypeOf(tool.partial).toEqualTypeOf<false>();
}

async function structuredStreams() {
  const Book = z.object({ title: z.string() });
  let stream = await openai.call({ model: "m", stream: true, responseModel: Book, tools: [getWeather] }, () => "?")();
  for await (const partial of stream) expectTypeOf(partial).toEqualTypeOf<{ title?: string }>();
  if (stream.tool) expectTypeOf(stream.tool.args).toEqualTypeOf<{ city: string }>();
  stream = await stream.resume(await stream.executeTools());
  const result = await stream.final();
  if (isCallResponse(result)) expectTypeOf(result.tools[0].args.city).toBeString();
  else expectTypeOf(result).toEqualTypeOf<{ title: string }>();
  const plain = await openai.call({ model: "m", stream: true, responseModel: Book }, () => "?")();
  expectTypeOf(await plain.final()).toEqualTypeOf<{ title: string }>();
}

function toolkits() {
  const kit = defineToolkit({
    namespace: "notes",
    state: { items: [] as string[] },
    tools: (state) => [
      defineTool({ name: "add", description: `${state.items.length}`, parameters: z.object({ text: z.string() }), call: () => 1 }),
    ],
  });
  const [def] = kit.tools();
  expectTypeOf(def.name).toEqualTypeOf<"notes_add">();
  expectTypeOf(kit.state.items).toEqualTypeOf<string[]>();
  const plain = defineToolkit({ state: 1, tools: () => [getWeather] });
  expectTypeOf(plain.tools()[0].name).toEqualTypeOf<"get_weather">();
}

export { loops, partialTools, responses, streams, structuredStreams, toolkits };
