// Type tests: compiled by `tsc -p tsconfig.test.json` (part of `npm test`); they fail the build when a
// combination of options stops being typed as DESIGN.md's table says.
import { expectTypeOf } from "vitest";
import { z } from "zod";
import { defineTool, isCallResponse, type StructuredStream, type BaseTool } from "../../src/index.ts";
import { createScriptedProvider, type ScriptedCallResponse, type ScriptedStream } from "../../src/testing/index.ts";

const { call } = createScriptedProvider([]);
const Book = z.object({ title: z.string(), pages: z.number().optional() });
const weather = defineTool({
  name: "get_weather",
  description: "d",
  parameters: z.object({ city: z.string() }),
  call: () => 21,
});
const clock = defineTool({ name: "clock", description: "d", parameters: z.object({ tz: z.string() }), call: () => "now" });

export async function checks() {
  // fn's parameters are kept
  const plain = call({ model: "m" }, (genre: string, n: number) => `${genre} ${n}`);
  expectTypeOf(plain).parameters.toEqualTypeOf<[string, number]>();
  expectTypeOf(await plain("a", 1)).toEqualTypeOf<ScriptedCallResponse>();

  // stream: true
  const streamed = await call({ model: "m", stream: true }, () => "x")();
  expectTypeOf(streamed).toEqualTypeOf<ScriptedStream>();

  // tools: typed, discriminated by name
  const withTools = await call({ model: "m", tools: [weather, clock] }, () => "x")();
  const tool = withTools.tool;
  if (tool?.name === "get_weather") expectTypeOf(tool.args).toEqualTypeOf<{ city: string }>();
  if (tool?.name === "clock") expectTypeOf(tool.args).toEqualTypeOf<{ tz: string }>();
  expectTypeOf(withTools.tools).toMatchTypeOf<BaseTool[]>();

  // responseModel
  const book = await call({ model: "m", responseModel: Book }, () => "x")();
  expectTypeOf(book).toEqualTypeOf<{ title: string; pages?: number | undefined }>();
  const titles = await call({ model: "m", responseModel: z.array(z.string()) }, () => "x")();
  expectTypeOf(titles).toEqualTypeOf<string[]>();

  // responseModel + stream
  const partials = await call({ model: "m", responseModel: Book, stream: true }, () => "x")();
  expectTypeOf(partials).toEqualTypeOf<StructuredStream<{ title: string; pages?: number | undefined }>>();
  expectTypeOf(await partials.final()).toEqualTypeOf<{ title: string; pages?: number | undefined }>();

  // responseModel + tools: either the value or a response with tools
  const either = await call({ model: "m", responseModel: Book, tools: [weather] }, () => "x")();
  expectTypeOf(either).toMatchTypeOf<{ title: string } | { tools: unknown[] }>();

  // ...and a tool loop narrows to the value
  let looped = await call({ model: "m", responseModel: Book, tools: [weather] }, () => "x")();
  while (isCallResponse(looped)) looped = await looped.resume(await looped.executeTools());
  expectTypeOf(looped).toEqualTypeOf<{ title: string; pages?: number | undefined }>();

  // resume keeps tools typed
  const again = await withTools.resume([]);
  if (again.tool?.name === "clock") expectTypeOf(again.tool.args).toEqualTypeOf<{ tz: string }>();

  // jsonMode keeps the response
  const json = await call({ model: "m", jsonMode: true }, () => "x")();
  expectTypeOf(json.content).toEqualTypeOf<string>();

  // outputParser
  const parsed = await call({ model: "m", outputParser: (r) => r.content.length }, () => "x")();
  expectTypeOf(parsed).toEqualTypeOf<number>();

  // invalid: stream + outputParser
  // @ts-expect-error outputParser cannot be used with stream: true
  call({ model: "m", stream: true, outputParser: (r) => r }, () => "x");

  // invalid: a prompt function must return a prompt
  // @ts-expect-error a number is not a prompt
  call({ model: "m" }, () => 42);
}
