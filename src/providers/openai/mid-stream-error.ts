import { StreamError } from "../../errors/stream-error.ts";
import type { ToolCallAssembler } from "./tool-call-assembler.ts";

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

/**
 * The `StreamError` for a Chat Completions error event: `error` is the payload's error object (without
 * one, the event's text is the message); the calls still being assembled go on `partial`.
 */
export function chatStreamError(
  provider: string,
  error: Record<string, unknown> | undefined,
  data: string,
  body: unknown,
  content: string,
  calls: ToolCallAssembler | undefined,
): StreamError {
  const e = error ?? { message: data };
  const partial = { toolCalls: calls?.pending() ?? [] };
  return streamError({ provider, message: e.message, code: e.code, type: e.type, body, content, partial });
}

/** A non-empty string, or a number as text; undefined otherwise. */
export function stringOf(value: unknown): string | undefined {
  if (typeof value === "string" && value) return value;
  return typeof value === "number" ? String(value) : undefined;
}
