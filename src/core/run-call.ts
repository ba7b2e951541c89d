import { throwIfAborted } from "../http/abort.ts";
import type { CallContext } from "./call-context.ts";
import type { CallOutcome } from "./call-outcome.ts";
import { requestResponse, requestStream } from "./call-turn.ts";
import { loadBuiltInPrices } from "./cost/find-prices.ts";
import type { ProviderTypes } from "./provider-types.ts";

/** Runs one call from its context and returns what the caller awaits (see `CallResult`). */
export async function runCall<T extends ProviderTypes>(ctx: CallContext<T>, messages: unknown[]): Promise<unknown> {
  // A price table the provider loads lazily loads alongside the request (this never rejects); the
  // call waits for it before any hook sees the response or stream: their `cost` is known from the first call.
  const prices = loadBuiltInPrices(ctx.provider.name);
  try {
    throwIfAborted(ctx.signal);
    await ctx.hooks.onCall?.(ctx, messages);
    const outcome = await produce(ctx, messages);
    await prices;
    // `return await`: a rejection gets its handler at once (workerd reports it otherwise).
    return await deliver(ctx, outcome);
  } catch (error) {
    await ctx.hooks.onError?.(error, ctx);
    throw error;
  }
}

/** Sends the call as its options ask: a stream, a structured value or stream, a response, or a parsed one. */
async function produce<T extends ProviderTypes>(ctx: CallContext<T>, messages: unknown[]): Promise<CallOutcome<T>> {
  const { options, structured, structuredKit: kit } = ctx;
  if (options.stream) {
    const { stream, output } = await requestStream(ctx, messages);
    if (!kit || !structured) return { kind: "stream", stream };
    return { kind: "structured-stream", stream: new kit.StructuredStream(stream, ctx.provider, output, structured) };
  }
  if (kit && structured) return await kit.resolveStructured(ctx, structured, messages, requestResponse);
  const { response } = await requestResponse(ctx, messages);
  if (!options.outputParser) return { kind: "response", response };
  return { kind: "parsed", value: await options.outputParser(response), response };
}

/** The value the caller awaits, by kind; each kind is where its middleware hook is called. */
async function deliver<T extends ProviderTypes>(ctx: CallContext<T>, outcome: CallOutcome<T>): Promise<unknown> {
  const { hooks } = ctx;
  if ("stream" in outcome) {
    if (outcome.kind === "stream") await hooks.onStream?.(outcome.stream, ctx);
    else await hooks.onStructuredStream?.(outcome.stream, ctx);
    return outcome.stream;
  }
  // A response, or a value made from one (structured, parsed): the response's hook first.
  await hooks.onResponse?.(outcome.response, ctx);
  if (outcome.kind === "structured") await hooks.onStructured?.(outcome.value, ctx);
  return outcome.kind === "response" ? outcome.response : outcome.value;
}
