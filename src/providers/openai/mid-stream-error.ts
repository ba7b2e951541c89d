import { StreamError } from "../../errors/stream-error";
import { stringOf } from "./stream-errors";

const RETRYABLE = /server_error|overloaded|rate_limit|timeout|unavailable/i;

/** A `StreamError` for an error event received after a 2xx response, keeping what arrived before it. */
export function streamError(args: {
  provider: string;
  message: unknown;
  code?: unknown;
  type?: unknown;
  body: unknown;
  content: string;
  partial?: unknown;
}): StreamError {
  const detail = typeof args.message === "string" && args.message ? args.message.replace(/[.\s]+$/, "") : "unknown error";
  const code = stringOf(args.code);
  const type = stringOf(args.type);
  return new StreamError(
    `${args.provider} reported an error mid-stream: ${detail}${code ? ` (${code})` : ""}. ` +
      "The text received before it is on `content`; calling again may succeed.",
    {
      provider: args.provider,
      content: args.content,
      partial: args.partial,
      body: args.body,
      code,
      type,
      isRetryable: RETRYABLE.test(`${code ?? ""} ${type ?? ""}`),
    },
  );
}
