import type { BaseCallParams } from "./call-params.ts";
import type { BaseCallResponse } from "./call-response.ts";
import type { BaseCallResponseChunk } from "./call-response-chunk.ts";
import type { CallOptions, ProviderCall } from "./call-options.ts";
import type { ClientOptions } from "../http/client-options.ts";
import { anySignal, throwIfAborted } from "../http/abort.ts";
import { normalizePrompt } from "./normalize-prompt.ts";
import { addBuiltInPrices } from "./cost/find-prices.ts";
import type { OutputContext, ProviderDefinition, SetupCallResult } from "./provider-definition.ts";
import { sendRequest } from "../http/send-request.ts";
import type { BaseStream } from "./stream.ts";
import type { StructuredSpec } from "./structured/structured-spec.ts";
import type { ToolDefinition } from "./tools/tool.ts";

/** Builds a provider's `call(options, fn)` from its classes and hooks (Mirascope's `call_factory`). */
export function callFactory<
  CallParams extends BaseCallParams,
  Client extends ClientOptions,
  MessageParam,
  Response extends BaseCallResponse,
  Chunk extends BaseCallResponseChunk,
  Stream extends BaseStream,
  Extra extends object = {},
>(
  provider: ProviderDefinition<CallParams, Client, MessageParam, Response, Chunk, Stream, Extra>,
): ProviderCall<CallParams, Client, MessageParam, Response, Stream, Extra> {
  if (provider.prices) addBuiltInPrices(provider.name, provider.prices);
  const call = (options: CallOptions<any, any, any>, fn: (...args: unknown[]) => unknown) => {
    const run = async (...args: unknown[]) => {
      throwIfAborted(options.signal);
      const { messages, config } = normalizePrompt(await fn(...args));
      // `return await`: a rejection gets its handler at once (workerd reports it otherwise).
      return await execute(provider as any, options, config, messages);
    };
    return Object.assign(run, { options, provider: provider.name, fn });
  };
  return call as unknown as ProviderCall<CallParams, Client, MessageParam, Response, Stream, Extra>;
}

type AnyProvider = ProviderDefinition<any, any, any, BaseCallResponse, BaseCallResponseChunk, BaseStream, any>;

/** Runs one call (and, for `responseModel`, its validation retries). */
async function execute(
  provider: AnyProvider,
  options: CallOptions<any, any, any>,
  config: ReturnType<typeof normalizePrompt>["config"],
  messages: unknown[],
): Promise<unknown> {
  const signal = anySignal([options.signal, config.signal]);
  throwIfAborted(signal);
  const tools: readonly ToolDefinition[] = config.tools ?? options.tools ?? [];
  // Structured outputs load on first use: a plain call never downloads them.
  const lazy = options.responseModel ? await import("./structured/structured-call.ts") : undefined;
  const structured = lazy?.buildStructuredSpec(
    options.responseModel!,
    options.structuredOutputMode ?? (options.jsonMode ? "json" : "auto"),
  );
  const base = {
    provider,
    options,
    config,
    tools,
    structured,
    signal,
    callParams: { ...options.callParams, ...config.callParams },
    client: { ...options.client, ...config.client },
    metadata: { ...options.metadata, ...config.metadata },
  };
  const once = (history: unknown[]) => requestOnce(base, history);
  if (options.stream) {
    const stream = (await once(messages)) as { stream: BaseStream; ctx: OutputContext };
    if (lazy && structured) return new lazy.StructuredStream(stream.stream, provider, stream.ctx, structured);
    return stream.stream;
  }
  if (lazy && structured) return await lazy.resolveStructured({ once, messages, provider, options, structured, tools });
  const { response } = (await once(messages)) as { response: BaseCallResponse };
  if (options.outputParser) return await options.outputParser(response);
  return response;
}

interface RequestBase {
  provider: AnyProvider;
  options: CallOptions<any, any, any>;
  config: ReturnType<typeof normalizePrompt>["config"];
  tools: readonly ToolDefinition[];
  structured: StructuredSpec | undefined;
  signal: AbortSignal | undefined;
  callParams: Record<string, unknown>;
  client: ClientOptions;
  metadata: Record<string, unknown>;
}

/** Sends one request and wraps the result as a response or a stream. */
async function requestOnce(base: RequestBase, messages: unknown[]) {
  const { provider, options, tools, structured } = base;
  const controller = new AbortController();
  const signal = anySignal([base.signal, controller.signal]) ?? controller.signal;
  const startTime = Date.now();
  const stream = options.stream === true;
  const setup: SetupCallResult = await provider.setupCall({
    model: options.model,
    messages,
    callParams: base.callParams,
    tools,
    toolClass: provider.toolClass,
    stream,
    jsonMode: options.jsonMode === true,
    structured,
    client: base.client,
    options,
  });
  const toError =
    provider.toError ??
    (async (res: Response, text: string, secrets: readonly string[]) =>
      (await import("../http/api-error-from-response.ts")).apiErrorFromResponse({
        provider: provider.name,
        response: res,
        bodyText: text,
        secrets,
      }));
  const http = await sendRequest({
    request: setup.request,
    fetch: base.client.fetch ?? globalThis.fetch.bind(globalThis),
    signal,
    retry: options.retry,
    toError,
    provider: provider.name,
  });
  const ctx: OutputContext = {
    model: options.model,
    structured,
    structuredMode: setup.structured?.mode,
    strict: setup.structured?.strict,
    options,
    signal,
  };
  // `resume` sends the next turn: a response resumes as a response, a stream as a stream.
  // With `responseModel` + tools, a non-streaming resume keeps the response model, so a tool loop
  // ends in the validated value.
  const keepModel = (streamed: boolean) => (!streamed && tools.length > 0 ? options.responseModel : undefined);
  const resumeAs = (streamed: boolean) => (history: unknown[]) =>
    execute(provider, { ...options, stream: streamed, responseModel: keepModel(streamed), outputParser: undefined }, base.config, history);
  const resume = resumeAs(false);
  const common = {
    provider: provider.name,
    requestedModel: options.model,
    messages,
    toolDefinitions: tools,
    toolClass: provider.toolClass,
    callParams: base.callParams,
    metadata: base.metadata,
    startTime,
    resume,
  };
  if (stream) {
    if (!http.body)
      throw new (await import("../errors/parse-error.ts")).ParseError(`${provider.name} answered a streaming call without a body.`, {
        raw: "",
      });
    const items = provider.handleStream(http.body, ctx);
    const s = new provider.streamClass({
      ...common,
      items,
      model: options.model,
      abort: (reason?: unknown) => controller.abort(reason),
      resumeStream: resumeAs(true),
      signal: base.signal,
    });
    return { stream: s, ctx, setup };
  }
  const raw = await readJson(http, provider.name);
  const response = new provider.responseClass({ ...common, raw, endTime: Date.now() });
  await response.resolveTools();
  return { response, ctx, setup };
}

async function readJson(http: Response, providerName: string): Promise<unknown> {
  const text = await http.text();
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new (await import("../errors/parse-error.ts")).ParseError(
      `${providerName} answered with invalid JSON (the text is on \`raw\`).`,
      { raw: text, cause },
    );
  }
}
