import { callFactory } from "../../core/call-factory.ts";
import type { CallOptions } from "../../core/call-options.ts";
import type { BaseMessageParam } from "../../core/message-param.ts";
import type { OutputContext, SetupCallContext, SetupCallResult } from "../../core/provider-definition.ts";
import type { StreamItem } from "../../core/stream.ts";
import { BaseTool } from "../../core/tools/base-tool.ts";
import { sseEvents } from "../../web-streams/sse-events.ts";
import { ScriptedCallResponse } from "./scripted-call-response.ts";
import { ScriptedCallResponseChunk } from "./scripted-chunk.ts";
import { createScriptedFetch, type Script, type ScriptedFetch } from "./scripted-fetch.ts";
import { ScriptedStream } from "./scripted-stream.ts";
import type { ScriptedRequestBody, ScriptedWireChunk } from "./wire.ts";

/** The scripted provider's URL; never fetched for real (the scripted fetch answers it). */
export const SCRIPTED_URL = "https://scripted.promptcall.invalid/v1/respond";

function setupCall(ctx: SetupCallContext): SetupCallResult {
  const body: ScriptedRequestBody = {
    model: ctx.model,
    messages: ctx.messages as BaseMessageParam[],
    tools: ctx.tools.map((t) => BaseTool.toolSchema(t) as ScriptedRequestBody["tools"][number]),
    stream: ctx.stream,
    json: ctx.jsonMode || ctx.structured !== undefined,
    responseSchema: ctx.structured?.jsonSchema,
    callParams: ctx.callParams,
  };
  const request = { url: ctx.client.baseURL ?? SCRIPTED_URL, headers: { "content-type": "application/json" }, body };
  return { request, structured: ctx.structured ? { mode: "json-schema" } : undefined };
}

function getJsonOutput(r: ScriptedCallResponse | ScriptedCallResponseChunk, _ctx: OutputContext): string {
  return r.content;
}

async function* handleStream(body: ReadableStream<Uint8Array>): AsyncGenerator<StreamItem<ScriptedCallResponseChunk>> {
  for await (const event of sseEvents(body)) {
    const raw = JSON.parse(event.data) as ScriptedWireChunk;
    const chunk = new ScriptedCallResponseChunk(raw);
    if (raw.type === "tool_call") {
      const c = raw.tool_call;
      yield { chunk, toolCall: { id: c.id, name: c.name, args: c.arguments } };
    } else {
      yield { chunk };
    }
  }
}

/** The scripted provider's `call`, built with `callFactory` like any provider. */
export const scriptedCall = callFactory({
  name: "scripted",
  responseClass: ScriptedCallResponse,
  streamClass: ScriptedStream,
  toolClass: BaseTool,
  setupCall,
  getJsonOutput,
  handleStream,
});

/** A provider that answers from a script, for tests and demos without an API key. */
export interface ScriptedProvider {
  readonly name: "scripted";
  /** Same signature as every provider's `call`. */
  readonly call: typeof scriptedCall;
  /** The fetch serving the script; `fetch.requests` lists the request bodies. */
  readonly fetch: ScriptedFetch;
}

/** Creates a scripted provider: each request is answered by the next turn of the script. */
export function createScriptedProvider(script: Script, options: { model?: string } = {}): ScriptedProvider {
  const fetch = createScriptedFetch(script, options.model);
  const call = ((opts: CallOptions, fn: (...args: any[]) => any) =>
    scriptedCall({ ...opts, client: { fetch, ...opts.client } } as any, fn)) as unknown as typeof scriptedCall;
  return { name: "scripted", call, fetch };
}
