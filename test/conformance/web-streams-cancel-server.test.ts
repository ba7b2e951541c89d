// Against a real local server: stopping a consumer early closes the HTTP connection upstream.
import { describe, expect, inject, it } from "vitest";
import { sseEvents } from "../../src/web-streams/sse-events.ts";
import { toReadableStream } from "../../src/web-streams/to-readable-stream.ts";

const CLOSE_TIMEOUT_MS = 3000;

function uniqueId(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** Polls the server until it saw the /sse-forever connection with `id` close. */
async function waitUntilClosed(serverUrl: string, id: string): Promise<boolean> {
  const deadline = Date.now() + CLOSE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const state = (await (await fetch(`${serverUrl}/closed?id=${id}`)).json()) as { opened: boolean; closed: boolean };
    if (state.closed) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

describe("cancelling a consumer closes the connection (local server)", () => {
  it("break out of sseEvents over an endless fetch", async () => {
    const serverUrl = inject("serverUrl");
    const id = uniqueId("break");
    const response = await fetch(`${serverUrl}/sse-forever?id=${id}`);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const seen: unknown[] = [];
    for await (const event of sseEvents(response.body!)) {
      seen.push(JSON.parse(event.data));
      if (seen.length === 2) break;
    }
    expect(seen).toEqual([{ n: 0 }, { n: 1 }]);
    expect(await waitUntilClosed(serverUrl, id)).toBe(true);
  });

  it("cancel() on a ReadableStream derived from the events", async () => {
    const serverUrl = inject("serverUrl");
    const id = uniqueId("cancel");
    const response = await fetch(`${serverUrl}/sse-forever?id=${id}`);
    const reader = toReadableStream(sseEvents(response.body!)).getReader();
    const seen = [(await reader.read()).value?.data, (await reader.read()).value?.data];
    expect(seen).toEqual(['{"n":0}', '{"n":1}']);
    await reader.cancel(new Error("client went away"));
    expect(await waitUntilClosed(serverUrl, id)).toBe(true);
  });

  it("aborting the request's signal mid-stream", async () => {
    const serverUrl = inject("serverUrl");
    const id = uniqueId("abort");
    const controller = new AbortController();
    const response = await fetch(`${serverUrl}/sse-forever?id=${id}`, { signal: controller.signal });
    const reason = new Error("user pressed stop");
    let caught: unknown;
    try {
      for await (const _ of sseEvents(response.body!, { signal: controller.signal })) controller.abort(reason);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBe(reason);
    expect(await waitUntilClosed(serverUrl, id)).toBe(true);
  });
});
