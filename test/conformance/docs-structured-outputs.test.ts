// Runs the samples of docs/structured-outputs.md verbatim against recorded OpenAI responses whose
// content is replaced by the JSON the samples ask for.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { responseOf } from "promptcall";
import { openai as realOpenai } from "promptcall/openai";
import { createReplayFetch } from "promptcall/testing";
import { fixtures } from "../fixtures/index.ts";
import { replayed } from "./support/docs-support.ts";

/** The recorded structured-output completion with `content` as its message. */
function completion(content: string): string {
  const body = JSON.parse(fixtures["openai/chat_structured_output_json_schema.json"]);
  body.choices[0].message.content = content;
  return JSON.stringify(body);
}

/** The recorded text stream with its content deltas replaced by `deltas`. */
function streamOf(deltas: string[]): string {
  const events = fixtures["openai/chat_stream_text.sse"].split("\n\n").filter((e) => e.startsWith("data: {"));
  const json = events.map((e) => JSON.parse(e.slice("data: ".length)));
  const contentTemplate = json[1];
  const tail = json.slice(-2); // finish reason, then usage
  const chunks = [
    json[0],
    ...deltas.map((content) => ({ ...contentTemplate, choices: [{ ...contentTemplate.choices[0], delta: { content } }] })),
    ...tail,
  ];
  return chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join("") + "data: [DONE]\n\n";
}

describe("docs/structured-outputs.md", () => {
  it("extracts a validated object and keeps its call response", async () => {
    const replay = createReplayFetch({ body: completion('{"title":"Dune","author":"Frank Herbert","year":1965}') });
    const openai = replayed(realOpenai, replay);

    const Book = z.object({ title: z.string(), author: z.string(), year: z.number().optional() });
    const extractBook = openai.call({ model: "gpt-4o-mini", responseModel: Book }, (text: string) => `Extract the book: ${text}`);
    const book = await extractBook("Dune, by Frank Herbert (1965)"); // { title, author, year } — validated
    responseOf(book)?.usage; // the call response behind an object value

    expect(book).toEqual({ title: "Dune", author: "Frank Herbert", year: 1965 });
    expect(responseOf(book)?.usage).toMatchObject({ inputTokens: 92, outputTokens: 15, totalTokens: 107 });
    const sent = replay.requests[0].json as {
      response_format: { type: string; json_schema: { strict: boolean; schema: { required: string[] } } };
    };
    expect(sent.response_format.type).toBe("json_schema");
    expect(sent.response_format.json_schema.strict).toBe(true);
    expect(sent.response_format.json_schema.schema.required).toEqual(["title", "author", "year"]); // strict: all required
  });

  it("maps strict mode's null back to undefined for an optional field", async () => {
    const replay = createReplayFetch({ body: completion('{"title":"Dune","author":"Frank Herbert","year":null}') });
    const openai = replayed(realOpenai, replay);
    const Book = z.object({ title: z.string(), author: z.string(), year: z.number().optional() });
    const book = await openai.call({ model: "gpt-4o-mini", responseModel: Book }, () => "x")();
    expect(book).toEqual({ title: "Dune", author: "Frank Herbert" });
  });

  it("streams partial objects, then the validated final value", async () => {
    const json = '{"title":"Pride and Prejudice","author":"Jane Austen","year":1813}';
    const deltas = json.match(/.{1,7}/g)!;
    const replay = createReplayFetch({ body: streamOf(deltas), chunking: { seed: 5, maxChunkSize: 50 } });
    const openai = replayed(realOpenai, replay);
    const Book = z.object({ title: z.string(), author: z.string(), year: z.number().optional() });
    const rendered: unknown[] = [];
    const render = (partial: unknown) => rendered.push(structuredClone(partial));

    const stream = await openai.call({ model: "gpt-4o-mini", stream: true, responseModel: Book }, () => "A classic novel")();
    for await (const partial of stream) {
      render(partial); // deep-partial Book: strings only grow, numbers appear once complete
    }
    const final = await stream.final(); // validated Book

    expect(final).toEqual({ title: "Pride and Prejudice", author: "Jane Austen", year: 1813 });
    expect(rendered.length).toBeGreaterThan(3);
    expect(rendered).toContainEqual({ title: "Prid" });
    for (const partial of rendered) {
      const { title = "", year } = partial as { title?: string; year?: number };
      expect(final.title.startsWith(title)).toBe(true); // strings only grow
      expect(year === undefined || year === 1813).toBe(true); // numbers appear once complete
    }
    expect(rendered.at(-1)).toEqual(final);
  });
});
