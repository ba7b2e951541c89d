import type { OutputContext } from "../../core/provider-definition.ts";
import type { StreamItem } from "../../core/stream.ts";
import { InvalidEventData, parseEventJson } from "../../web-streams/event-json.ts";
import { sseEvents } from "../../web-streams/sse-events.ts";
import type { GoogleGenerateContentResponse } from "./api.ts";
import { GoogleCallResponseChunk } from "./call-response-chunk.ts";
import { isErrorBody } from "./is-error-body.ts";
import { isPromptBlocked } from "./is-prompt-blocked.ts";
import { toolCallData } from "./read-parts.ts";
import { failures } from "./seams.ts";

/**
 * Decodes `streamGenerateContent?alt=sse`: every event's data is a whole `GenerateContentResponse`
 * with the new parts (https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent).
 * Function calls arrive complete, so each is yielded as a tool call with the chunk that carries it.
 * An error event throws `StreamError` with the text received so far; a blocked prompt throws
 * `PromptBlockedError`.
 */
export async function* handleStream(
  body: ReadableStream<Uint8Array>,
  ctx: OutputContext,
): AsyncGenerator<StreamItem<GoogleCallResponseChunk>> {
  let content = "";
  let ordinal = 0;
  let responseId: string | undefined;
  let finished = false;
  // Gemini has no terminal event: a body that ends before any finishReason was cut.
  for await (const event of sseEvents(body, { signal: ctx.signal, provider: "google", isComplete: () => finished })) {
    const data = event.data.trim();
    if (data === "" || data === "[DONE]") continue;
    const raw = parseEventJson<GoogleGenerateContentResponse>(data);
    if (raw instanceof InvalidEventData) throw (await failures()).invalidEventError("google", raw);
    if (isErrorBody(raw)) throw (await failures()).streamError(raw, content);
    if (isPromptBlocked(raw)) throw (await failures()).promptBlockedError(raw);
    const chunk = new GoogleCallResponseChunk(raw);
    // Candidate 0's finish (the stream's text is candidate 0's): with `candidateCount` > 1 another may finish first.
    if (raw.candidates?.some((c) => (c.index ?? 0) === 0 && c.finishReason)) finished = true;
    responseId ??= raw.responseId;
    content += chunk.content;
    let yielded = false;
    for (const part of chunk.parts) {
      if (!part.functionCall) continue;
      yield { chunk, toolCall: toolCallData(part, ordinal++, responseId) };
      yielded = true;
    }
    if (!yielded) yield { chunk };
  }
}
