// What the docs tests share. They run each page's samples verbatim: `replayed` gives a sample's
// provider a client that answers from a replay fetch, with a key, so the sample's own code needs no
// change; `weatherTool` and `pngBytes` are the tool and image the provider pages' samples use.
import { z } from "zod";
import { defineTool } from "../../../src/index.ts";
/** `provider` whose calls go to `fetch` with `apiKey` (none when null); a call's own `client` fields win. */
export function replayed<P extends { call: (...args: any[]) => any }>(
  provider: P,
  fetch: typeof globalThis.fetch,
  apiKey: string | null = "sk-test",
): P {
  const key = apiKey === null ? {} : { apiKey };
  const call = (o: any, fn: any) => provider.call({ ...o, client: { fetch, ...key, ...o.client } }, fn);
  return { ...provider, call: call as P["call"] };
}

/** PNG magic bytes: enough for the media type to be sniffed (the docs' image samples). */
export const pngBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** The `get_weather` tool of the provider pages' samples. */
export function weatherTool() {
  return defineTool({
    name: "get_weather",
    description: "Current weather for a city",
    parameters: z.object({ city: z.string() }),
    call: async ({ city }) => ({ city, tempC: 21 }),
  });
}
