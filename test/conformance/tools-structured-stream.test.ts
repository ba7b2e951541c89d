// stream + responseModel + tools: a tool call reaches the user, resume streams the next turn, and
// the validated value comes at the end, as with the non-streaming call. Turns are recorded OpenAI
// bodies (the JSON answer is the recorded structured-output content, re-cut into stream chunks).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, isCallResponse } from "../../src/index.ts";
import { openai } from "../../src/providers/openai/index.ts";
import { createReplayFetch } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";
import { jsonStreamTurn } from "./support/json-stream-turn.ts";

const City = z.object({ city: z.string(), country: z.string() });
const getCapital = defineTool({
  name: "get_capital",
  description: "The capital of a country",
  parameters: z.object({ country: z.string() }),
  call: ({ country }) => (country === "UK" ? "London" : "Mexico City"),
});

function ask(fetch: typeof globalThis.fetch) {
  return openai.call(
    { model: "gpt-4o-mini", stream: true, responseModel: City, tools: [getCapital], client: { apiKey: "k", fetch } },
    (q: string) => q,
  );
}

describe("stream + responseModel + tools", () => {
  it("a tool call reaches the user; resume streams the next turn; final() gives the validated value", async () => {
    const fetch = createReplayFetch([{ body: fixtures["openai/chat_stream_tool_call.sse"] }, { body: jsonStreamTurn() }]);
    const stream = await ask(fetch)("Where is the capital of the UK?");
    const partials: unknown[] = [];
    for await (const partial of stream) partials.push(partial);
    expect(partials).toEqual([]);
    expect(stream.tools.map((t) => [t.name, t.args.country])).toEqual([["get_capital", "UK"]]);

    const next = await stream.resume(await stream.executeTools());
    for await (const partial of next) partials.push(structuredClone(partial));
    expect(partials.at(-1)).toEqual({ city: "Mexico City", country: "Mexico" });
    expect(partials.length).toBeGreaterThan(1);
    const value = await next.final();
    expect(isCallResponse(value)).toBe(false);
    if (!isCallResponse(value)) expect(value).toEqual({ city: "Mexico City", country: "Mexico" });

    const second = fetch.requests[1].json as { stream: boolean; response_format: { type: string }; messages: unknown[] };
    expect(second.stream).toBe(true);
    expect(second.response_format.type).toBe("json_schema");
    expect(second.messages.at(-1)).toEqual({ role: "tool", tool_call_id: "call_ZR5UUuTt3pf61kjwAJIYdVMj", content: "London" });
  });

  it("final() after a tool call gives the call response, as the non-streaming call does; its resume ends in the value", async () => {
    const fetch = createReplayFetch([
      { body: fixtures["openai/chat_stream_tool_call.sse"] },
      { body: fixtures["openai/chat_structured_output_json_schema.json"] },
    ]);
    const stream = await ask(fetch)("?");
    const result = await stream.final();
    expect(isCallResponse(result)).toBe(true);
    if (!isCallResponse(result)) return;
    expect(result.tools[0].args.country).toBe("UK");
    const value = await result.resume(await result.executeTools());
    expect(value).toEqual({ city: "Mexico City", country: "Mexico" });
    expect((fetch.requests[1].json as { stream?: boolean }).stream).toBeUndefined();
  });
});
