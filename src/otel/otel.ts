import { type Attributes, type Span, SpanKind, SpanStatusCode, type Tracer, trace } from "@opentelemetry/api";
import type { BaseCallResponse } from "../core/call-response.ts";
import { knownSecrets } from "../errors/known-secrets.ts";
import { redactError, redactSecrets } from "../errors/redact-secrets.ts";
import { defineMiddleware, type Middleware, type MiddlewareContext } from "../core/middleware/middleware.ts";
import type { BaseStream } from "../core/stream.ts";
import { ATTR, genAiProviderName } from "./attributes.ts";
import { inputMessagesJson, outputMessagesJson } from "./content.ts";

/** Options of {@link otel}. */
export interface OtelOptions {
  /** The tracer to start spans with (default: `trace.getTracer("promptcall")` of the global provider). */
  tracer?: Tracer;
  /** Record the prompt and the completion (`gen_ai.input.messages`, `gen_ai.output.messages`); default false. */
  recordContent?: boolean;
}

/** What the middleware keeps per call: the call's span, until it ends. */
interface OtelState {
  span?: Span;
}

/**
 * A middleware that records one span per call, named `chat {model}` (kind CLIENT), with the
 * OpenTelemetry GenAI semantic-convention attributes, the cost (`promptcall.cost_usd`) and errors
 * (`error.type`, status ERROR); message content only with `recordContent: true`. No key a call
 * used appears in a span: error messages and recorded content are redacted.
 */
export function otel(options: OtelOptions = {}): Middleware<OtelState> {
  const record = options.recordContent === true;
  return defineMiddleware<OtelState>({
    name: "otel",
    onCall(ctx) {
      const tracer = options.tracer ?? trace.getTracer("promptcall");
      ctx.state.span = tracer.startSpan(`chat ${ctx.model}`, { kind: SpanKind.CLIENT, attributes: requestAttributes(ctx, record) });
    },
    onRetry(info, ctx) {
      ctx.state.span?.addEvent("promptcall.retry", {
        "promptcall.retry.attempt": info.attempt,
        "promptcall.retry.delay_ms": info.delayMs,
        [ATTR.errorType]: errorType(info.error),
      });
    },
    onResponse(response, ctx) {
      end(ctx, resultAttributes(response, record));
    },
    onStream(stream, ctx, { completed }) {
      end(ctx, { ...resultAttributes(stream, record), ...(completed ? {} : { [ATTR.streamCompleted]: false }) });
    },
    onError(error, ctx) {
      const span = ctx.state.span;
      if (!span) return;
      span.setAttribute(ATTR.errorType, errorType(error));
      // promptcall's errors are redacted already; an error of the caller's own code (an output parser) may quote a key.
      const shown = redactError(error, knownSecrets());
      if (shown instanceof Error) span.recordException(shown);
      span.setStatus({ code: SpanStatusCode.ERROR, message: shown instanceof Error ? shown.message : redact(String(error)) });
      end(ctx, {});
    },
  });
}

/** Sets the attributes and ends the call's span (once: a structured stream's late error finds it ended). */
function end(ctx: MiddlewareContext<OtelState>, attributes: Attributes): void {
  const span = ctx.state.span;
  if (!span) return;
  ctx.state.span = undefined;
  span.setAttributes(attributes);
  span.end();
}

/** What is known before the request: operation, provider, model, the neutral params, the prompt. */
function requestAttributes(ctx: MiddlewareContext<OtelState>, record: boolean): Attributes {
  const p = ctx.params;
  const attributes: Attributes = {
    [ATTR.operationName]: "chat",
    [ATTR.providerName]: genAiProviderName(ctx.provider),
    [ATTR.requestModel]: ctx.model,
    [ATTR.requestTemperature]: p.temperature,
    [ATTR.requestMaxTokens]: p.maxTokens,
    [ATTR.requestTopP]: p.topP,
    [ATTR.requestTopK]: p.topK,
    [ATTR.requestSeed]: p.seed,
    [ATTR.requestStopSequences]: p.stopSequences,
    [ATTR.requestFrequencyPenalty]: p.frequencyPenalty,
    [ATTR.requestPresencePenalty]: p.presencePenalty,
  };
  if (record) attributes[ATTR.inputMessages] = redact(inputMessagesJson(ctx.messages));
  return withoutUndefined(attributes);
}

/** What a response or a finished stream tells: model, id, finish reasons, usage, cost, the completion. */
function resultAttributes(result: BaseCallResponse | BaseStream, record: boolean): Attributes {
  const attributes: Attributes = {
    [ATTR.responseModel]: result.model,
    [ATTR.responseId]: result.id,
    [ATTR.responseFinishReasons]: [...result.finishReasons],
    [ATTR.inputTokens]: result.usage?.inputTokens,
    [ATTR.outputTokens]: result.usage?.outputTokens,
    [ATTR.costUsd]: result.cost,
  };
  if (record) attributes[ATTR.outputMessages] = redact(outputMessagesJson(result));
  return withoutUndefined(attributes);
}

/** `text` without the keys the library has used (a prompt or an answer may quote one). */
function redact(text: string): string {
  return redactSecrets(text, knownSecrets());
}

/** The `error.type` of a failure: its class name (e.g. `RateLimitError`), else `_OTHER`. */
function errorType(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === "string" && name !== "" ? name : "_OTHER";
}

function withoutUndefined(attributes: Attributes): Attributes {
  for (const key of Object.keys(attributes)) if (attributes[key] === undefined) delete attributes[key];
  return attributes;
}
