// Type tests: bad input caught before it runs (issue 14, "Types catch bad input before it runs").
// Compiled by `tsc -p tsconfig.test.json` (part of `npm test`): each `@ts-expect-error` line must
// fail to compile, each `expectTypeOf` must hold. The functions are never called.
import { expectTypeOf } from "vitest";
import { z } from "zod";
import { defineTool, type StructuredStream } from "../../src/index.ts";
import { type AnthropicCallResponse, type AnthropicStream, anthropic } from "../../src/providers/anthropic/index.ts";
import { type GoogleCallResponse, type GoogleStream, google } from "../../src/providers/google/index.ts";
import { type OpenAICallResponse, type OpenAIDynamicConfig, type OpenAIStream, openai } from "../../src/providers/openai/index.ts";
import { createScriptedProvider, type ScriptedCallResponse, type ScriptedStream } from "../../src/testing/index.ts";

const Book = z.object({ title: z.string(), pages: z.number() });
type Book = z.infer<typeof Book>;
const weather = defineTool({ name: "get_weather", description: "d", parameters: z.object({ city: z.string() }), call: () => 21 });
const scripted = createScriptedProvider([]);

export function misspeltOptions(signal: AbortSignal) {
  // @ts-expect-error validationRetires is not an option (validationRetries is)
  openai.call({ model: "m", responseModel: Book, validationRetires: 2 }, () => "x");
  // @ts-expect-error singal is not an option (signal is)
  openai.call({ model: "m", singal: signal }, () => "x");
  // @ts-expect-error strem is not an option (stream is)
  anthropic.call({ model: "m", strem: true }, () => "x");
  // @ts-expect-error strem is not an option (stream is)
  google.call({ model: "m", strem: true }, () => "x");
  // @ts-expect-error singal is not an option of a custom provider either
  scripted.call({ model: "m", singal: signal }, () => "x");
  // @ts-expect-error a provider's own option belongs to that provider only (OpenAI's api)
  anthropic.call({ model: "m", api: "responses" }, () => "x");

  // every real option, and each provider's own, still compiles
  openai.call({ model: "m", api: "responses", signal, stream: true, retry: false, metadata: {} }, () => "x");
  google.call({ model: "m", schemaFormat: "openapi", responseModel: Book, validationRetries: 2 }, () => "x");
  anthropic.call({ model: "m", tools: [weather], jsonMode: true, timeout: 1000, callParams: { max_tokens: 10 } }, () => "x");
}

export function misspeltDynamicConfig(signal: AbortSignal, flag: boolean, config: OpenAIDynamicConfig) {
  // @ts-expect-error callParamz is not a dynamic config key (callParams is)
  openai.call({ model: "m" }, () => ({ messages: "hi", callParamz: { temperature: 0 } }));
  // @ts-expect-error singal is not a dynamic config key, in an async prompt function too
  anthropic.call({ model: "m" }, async (q: string) => ({ messages: q, singal: signal }));
  // @ts-expect-error toolz is not a dynamic config key, in one branch of several
  google.call({ model: "m" }, () => (flag ? "hi" : { messages: "hi", toolz: [weather] }));
  // @ts-expect-error a number is not a prompt
  scripted.call({ model: "m" }, () => 42);

  // every dynamic config key, a typed config, messages and strings still compile
  openai.call({ model: "m" }, (q: string) => ({
    messages: q,
    callParams: { temperature: 0 },
    params: {},
    tools: [weather],
    metadata: {},
    client: {},
    signal,
  }));
  openai.call({ model: "m" }, () => config);
  openai.call({ model: "m" }, async () => [
    { role: "system", content: "s" },
    { role: "user", content: [{ type: "text", text: "y" }] },
  ]);
  google.call({ model: "m" }, (flag2: boolean) => (flag2 ? "hi" : { messages: "hi" }));
}

export async function booleanStream(flag: boolean) {
  // a literal picks one type; a `boolean` may be either, so the result is a union
  expectTypeOf(await openai.call({ model: "m", stream: true }, () => "x")()).toEqualTypeOf<OpenAIStream>();
  expectTypeOf(await openai.call({ model: "m", stream: false }, () => "x")()).toEqualTypeOf<OpenAICallResponse>();
  expectTypeOf(await openai.call({ model: "m", stream: flag }, () => "x")()).toEqualTypeOf<OpenAICallResponse | OpenAIStream>();
  expectTypeOf(await anthropic.call({ model: "m", stream: flag }, () => "x")()).toEqualTypeOf<AnthropicCallResponse | AnthropicStream>();
  expectTypeOf(await google.call({ model: "m", stream: flag }, () => "x")()).toEqualTypeOf<GoogleCallResponse | GoogleStream>();
  expectTypeOf(await scripted.call({ model: "m", stream: flag }, () => "x")()).toEqualTypeOf<ScriptedCallResponse | ScriptedStream>();
  const structured = await openai.call({ model: "m", stream: flag, responseModel: Book }, () => "x")();
  expectTypeOf(structured).toEqualTypeOf<Book | StructuredStream<Book>>();
  // @ts-expect-error outputParser cannot be used when the call may stream
  openai.call({ model: "m", stream: flag, outputParser: (r) => r }, () => "x");
}

export function streamedValidationRetries(flag: boolean) {
  // @ts-expect-error validationRetries does not apply to a streamed responseModel
  openai.call({ model: "m", stream: true, responseModel: Book, validationRetries: 2 }, () => "x");
  // @ts-expect-error validationRetries does not apply to a streamed responseModel
  anthropic.call({ model: "m", stream: true, responseModel: Book, validationRetries: 1 }, () => "x");
  // without stream, or with none to make, it compiles
  openai.call({ model: "m", responseModel: Book, validationRetries: 2 }, () => "x");
  openai.call({ model: "m", stream: true, responseModel: Book, validationRetries: 0 }, () => "x");
  openai.call({ model: "m", stream: flag, responseModel: Book, validationRetries: 2 }, () => "x");
}

export async function responseModelWithOutputParser() {
  // the parser receives the validated value and its return is what the call gives
  const pages = await openai.call({ model: "m", responseModel: Book, outputParser: (book) => book.pages }, () => "x")();
  expectTypeOf(pages).toEqualTypeOf<number>();
  const title = await anthropic.call({ model: "m", responseModel: Book, outputParser: async (book) => book.title }, () => "x")();
  expectTypeOf(title).toEqualTypeOf<string>();
  openai.call({ model: "m", responseModel: Book, outputParser: (book) => expectTypeOf(book).toEqualTypeOf<Book>() }, () => "x");
  // @ts-expect-error the value is the schema's, not a response
  openai.call({ model: "m", responseModel: Book, outputParser: (book) => book.content }, () => "x");
  // with tools: the parsed value, or a response whose resume leads to it
  const either = await openai.call({ model: "m", responseModel: Book, tools: [weather], outputParser: (b) => b.pages }, () => "x")();
  expectTypeOf(either).toMatchTypeOf<number | { tools: unknown[] }>();
  // without responseModel the parser still receives the response
  const length = await openai.call({ model: "m", outputParser: (r) => r.content.length }, () => "x")();
  expectTypeOf(length).toEqualTypeOf<number>();
}
