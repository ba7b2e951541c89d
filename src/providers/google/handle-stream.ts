import type { OutputContext } from "../../core/provider-definition";
import type { StreamItem } from "../../core/stream";
import { ParseError } from "../../errors/parse-error";
import { StreamError } from "../../errors/stream-error";
import { sseEvents } from "../../web-streams/sse-events";
import type { GoogleErrorBody, GoogleGenerateContentResponse } from "./api";
import { GoogleCallResponseChunk } from "./call-response-chunk";
import { checkPromptFeedback } from "./check-prompt-feedback";
import { toolCallData } from "./read-parts";

const RETRYABLE_STATUSES = new Set(["RESOURCE_EXHAUSTED", "UNAVAILABLE", "INTERNAL", "DEADLINE_EXCEEDED"]);

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
    if (isErrorEvent(raw)) throw streamError(raw, content);
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

function parseEvent(data: string): GoogleGenerateContentResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch (cause) {
    throw new ParseError(
      "google sent a stream event that is not valid JSON; the raw text is on the error's `raw` property.",
      { raw: data, cause },
    );
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ParseError("google sent a stream event that is not a JSON object; the raw text is on `raw`.", { raw: data });
  }
  return parsed as GoogleGenerateContentResponse;
}

function isErrorEvent(raw: object): raw is GoogleErrorBody {
  const error = (raw as { error?: unknown }).error;
  return typeof error === "object" && error !== null;
}

function streamError(raw: GoogleErrorBody, content: string): StreamError {
  const { code, message, status } = raw.error;
  const what = [status, code].filter((v) => v !== undefined).join(" ");
  return new StreamError(
    `google reported an error mid-stream${what ? ` (${what})` : ""}: ${message ?? "no message"}. ` +
      "The text received so far is on the error's `content`; make the call again.",
    {
      provider: "google",
      content,
      body: raw,
      code: code === undefined ? undefined : String(code),
      type: status,
      isRetryable: (status !== undefined && RETRYABLE_STATUSES.has(status)) || code === 429 || (code ?? 0) >= 500,
    },
  );
}
