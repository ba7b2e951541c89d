// Type tests of `llm` (issue 14, "Types catch bad input before it runs"): misspelt options,
// `stream: boolean`, `responseModel` + `outputParser`, and `llm.override`/`llm.fallback` taking only
// `llm` calls. Compiled by `tsc -p tsconfig.test.json` (part of `npm test`); never called.
import { expectTypeOf } from "vitest";
import { z } from "zod";
import { type LLMCallResponse, type LLMStream, llm, type StructuredStream, withMiddleware } from "../../src/index.ts";
import { anthropic } from "../../src/providers/anthropic/index.ts";
import { openai } from "../../src/providers/openai/index.ts";
import { createScriptedProvider } from "../../src/testing/index.ts";

const Book = z.object({ title: z.string(), pages: z.number() });
type Book = z.infer<typeof Book>;
const scripted = createScriptedProvider([]);
declare const handWritten: { call: (options: any, fn: (...args: any[]) => any) => (...args: any[]) => Promise<unknown> };

export function misspeltOptions(signal: AbortSignal) {
  // @ts-expect-error validationRetires is not an option (validationRetries is)
  llm.call({ model: "openai/gpt-4o-mini", responseModel: Book, validationRetires: 2 }, () => "x");
  // @ts-expect-error singal is not an option (signal is)
  llm.call({ provider: "anthropic", model: "m", singal: signal }, () => "x");
  // @ts-expect-error strem is not an option (stream is)
  llm.call({ provider: scripted, model: "m", strem: true }, () => "x");
  // @ts-expect-error strem is not an option, with a contextually typed parser beside it too
  llm.call({ provider: "google", model: "m", strem: true, outputParser: (r) => r.content }, () => "x");
  // @ts-expect-error api is OpenAI's own option, not Anthropic's
  llm.call({ provider: "anthropic", model: "m", api: "responses" }, () => "x");
  // @ts-expect-error api is OpenAI's own option, not the scripted provider's
  llm.call({ provider: scripted, model: "m", api: "responses" }, () => "x");

  // a provider's own options compile with it; a registered name or a hand-written provider may take any
  llm.call({ provider: "openai", model: "m", api: "responses", signal }, () => "x");
  llm.call({ model: "groq/llama-3.3-70b", api: "chat" }, () => "x");
  llm.call({ model: "google/gemini-2.5-flash", schemaFormat: "openapi" }, () => "x");
  llm.call({ provider: openai, model: "m", api: "responses" }, () => "x");
  llm.call({ provider: "vllm-test", model: "Qwen/Qwen2.5-7B-Instruct", guided_choice: ["a"] }, () => "x");
  llm.call({ provider: handWritten, model: "m", anything: 1 }, () => "x");
}

export function misspeltDynamicConfig() {
  // @ts-expect-error callParamz is not a dynamic config key (callParams is)
  llm.call({ model: "openai/m" }, (q: string) => ({ messages: q, callParamz: { temperature: 0 } }));
  llm.call({ model: "openai/m" }, (q: string) => ({ messages: q, params: { temperature: 0 } }));
}

export async function booleanStream(flag: boolean) {
  expectTypeOf(await llm.call({ model: "openai/m", stream: flag }, () => "x")()).toEqualTypeOf<LLMCallResponse | LLMStream>();
  const structured = await llm.call({ model: "openai/m", stream: flag, responseModel: Book }, () => "x")();
  expectTypeOf(structured).toEqualTypeOf<Book | StructuredStream<Book>>();
  // @ts-expect-error validationRetries does not apply to a streamed responseModel
  llm.call({ model: "openai/m", stream: true, responseModel: Book, validationRetries: 2 }, () => "x");
}

export async function responseModelWithOutputParser() {
  const pages = await llm.call({ model: "openai/m", responseModel: Book, outputParser: (book) => book.pages }, () => "x")();
  expectTypeOf(pages).toEqualTypeOf<number>();
  // @ts-expect-error the parser receives the validated value, not a response
  llm.call({ model: "openai/m", responseModel: Book, outputParser: (book) => book.content }, () => "x");
  // without responseModel it receives the common response
  const length = await llm.call({ provider: scripted, model: "m", outputParser: (r) => r.content.length }, () => "x")();
  expectTypeOf(length).toEqualTypeOf<number>();
}

export function overrideTakesLLMCalls() {
  const portable = llm.call({ provider: "anthropic", model: "claude-haiku-4-5" }, (q: string) => q);
  expectTypeOf(llm.override(portable, { provider: "openai", model: "gpt-4o-mini" })).toEqualTypeOf(portable);
  const sturdy = llm.fallback(portable, [{ provider: "google", model: "gemini-2.5-flash" }]);
  expectTypeOf(llm.fallback(llm.override(sturdy, { model: "claude-sonnet-4-5" }), [])).toEqualTypeOf(portable);
  llm.fallback(withMiddleware(portable), [{ model: "openai/gpt-4o-mini" }]);

  const direct = openai.call({ model: "gpt-4o-mini" }, (q: string) => q);
  // @ts-expect-error a provider's own call has no provider to swap: use llm.call
  llm.override(direct, { provider: "anthropic", model: "claude-haiku-4-5" });
  const claude = anthropic.call({ model: "claude-haiku-4-5" }, () => "x");
  // @ts-expect-error the same for fallback
  llm.fallback(claude, [{ provider: "openai", model: "gpt-4o-mini" }]);
  const custom = scripted.call({ model: "m" }, () => "x");
  // @ts-expect-error nor a custom provider's call
  llm.fallback(custom, []);
}
