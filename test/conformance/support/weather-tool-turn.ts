// A streamed tool-call turn of an OpenAI-compatible preset, drained, for the reasoning round-trip
// tests: the replay serves `stream` and then `next` (the answer after the tool result).
import { z } from "zod";
import { defineTool } from "../../../src/index.ts";
import type { OpenAICompatibleProvider } from "../../../src/providers/openai/services/compatible.ts";
import { createReplayFetch } from "../../../src/testing/replay-fetch.ts";

/** A tool the turns call: `weather({ city })`. */
export const weather = defineTool({
  name: "weather",
  description: "Weather in a city",
  parameters: z.object({ city: z.string() }),
  call: ({ city }) => `${city}: 21C`,
});

/** Streams one turn of `provider` with the weather tool and reads it to the end. */
export async function weatherToolTurn(provider: OpenAICompatibleProvider, model: string, stream: string, next: string) {
  const fetch = createReplayFetch([{ body: stream }, { body: next }]);
  const s = await provider.call({ model, stream: true, tools: [weather], client: { apiKey: "k", fetch } }, () => "Weather in Paris?")();
  for await (const _ of s) {
    // drain
  }
  return { s, fetch };
}
