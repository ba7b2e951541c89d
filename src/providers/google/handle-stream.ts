import type { OutputContext } from "../../core/provider-definition.ts";
import type { StreamItem } from "../../core/stream.ts";
import { sseEvents } from "../../web-streams/sse-events.ts";
import type { GoogleErrorBody, GoogleGenerateContentResponse } from "./api.ts";
import { GoogleCallResponseChunk } from "./call-response-chunk.ts";
import { checkPromptFeedback } from "./check-prompt-feedback.ts";
import { toolCallData } from "./read-parts.ts";

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
  for await (const event of sseEvents(body, { signal: ctx.signal })) {
    const data = event.data.trim();
    if (data === "" || data === "[DONE]") continue;
    const raw = parseEvent(data);
    if (raw instanceof Invalid) throw (await failures()).invalidEvent(data, raw.cause);
    if (isErrorEvent(raw)) throw (await failures()).streamError(raw, content);
    checkPromptFeedback(raw);
    const chunk = new GoogleCallResponseChunk(raw);
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

/** Event data that is not a JSON object: `cause` is the JSON error, or undefined for a non-object. */
class Invalid {
  constructor(readonly cause?: unknown) {}
}

/** The error builders, loaded when a stream fails. */
const failures = () => import("./stream-failures.ts");

function parseEvent(data: string): GoogleGenerateContentResponse | Invalid {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch (cause) {
    return new Invalid(cause);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return new Invalid();
  return parsed as GoogleGenerateContentResponse;
}

function isErrorEvent(raw: object): raw is GoogleErrorBody {
  const error = (raw as { error?: unknown }).error;
  return typeof error === "object" && error !== null;
}
