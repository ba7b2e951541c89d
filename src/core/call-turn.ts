import type { CallContext } from "./call-context.ts";
import type { OutputContext, SetupCallResult } from "./provider-definition.ts";
import type { ProviderTypes } from "./provider-types.ts";
import { bodyParseError, readJsonBody } from "./read-json-body.ts";
import { sendCallRequest } from "./send-call-request.ts";

/** One non-streaming turn of a call: the response, and what its JSON output is read with. */
export interface ResponseTurn<T extends ProviderTypes = ProviderTypes> {
  response: T["Response"];
  output: OutputContext;
  setup: SetupCallResult;
}

/** One streaming turn of a call: the stream (not iterated yet), and what its JSON deltas are read with. */
export interface StreamTurn<T extends ProviderTypes = ProviderTypes> {
  stream: T["Stream"];
  output: OutputContext;
}

/** Sends one turn and reads the answer into the provider's response class, tools validated. */
export async function requestResponse<T extends ProviderTypes>(ctx: CallContext<T>, messages: unknown[]): Promise<ResponseTurn<T>> {
  const sent = await sendCallRequest(ctx, messages, false);
  const raw = await readJsonBody(sent.http, ctx.provider.name);
  const response = new ctx.provider.responseClass({ ...turnInit(ctx, messages, sent), raw, endTime: Date.now() });
  await response.resolveTools();
  return { response, output: sent.output, setup: sent.setup };
}

/** Sends one streaming turn and wraps its body, decoded by the provider's `handleStream`, in its stream class. */
export async function requestStream<T extends ProviderTypes>(ctx: CallContext<T>, messages: unknown[]): Promise<StreamTurn<T>> {
  const { provider, options } = ctx;
  const sent = await sendCallRequest(ctx, messages, true);
  if (!sent.http.body) throw await bodyParseError(`${provider.name} answered a streaming call without a body.`, { raw: "" });
  const stream = new provider.streamClass({
    ...turnInit(ctx, messages, sent),
    items: provider.handleStream(sent.http.body, sent.output),
    model: options.model,
    abort: (reason?: unknown) => sent.controller.abort(reason),
    resumeStream: (history) => ctx.resume(history, { stream: true }),
    signal: ctx.signal,
    partialTools: typeof options.stream === "object" && options.stream.partialTools === true,
  });
  return { stream, output: sent.output };
}

/** What a response and a stream of this turn share: where they came from, and how to resume. */
function turnInit<T extends ProviderTypes>(ctx: CallContext<T>, messages: unknown[], sent: { startTime: number; output: OutputContext }) {
  const { startTime, output } = sent;
  return {
    provider: ctx.provider.name,
    requestedModel: ctx.options.model,
    messages,
    toolDefinitions: ctx.tools,
    toolClass: ctx.provider.toolClass,
    // The `responseModel` tool (tool mode) is read by the structured machinery, never an unknown tool.
    structuredTool: output.structuredMode === "tool" ? output.structured?.name : undefined,
    callParams: ctx.callParams,
    metadata: ctx.metadata,
    startTime,
    resume: (history: unknown[]) => ctx.resume(history, { stream: false }),
  };
}
