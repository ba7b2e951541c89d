import { APIError, BaseTool, type ClientOptions, type ToolDefinition } from "promptcall";
import {
  callFactory,
  readEnv,
  sseEvents,
  type OutputContext,
  type ProviderTypes,
  type SetupCallContext,
  type SetupCallResult,
  type StreamItem,
} from "promptcall/provider";
import { ParrotCallResponse } from "./parrot-call-response.ts";
import { toParrotTurns } from "./parrot-messages.ts";
import { ParrotChunk, ParrotStream } from "./parrot-stream.ts";
import type { ParrotEvent, ParrotTurn } from "./wire.ts";

/** Parrot's call params. */
export interface ParrotCallParams {
  temperature?: number;
  [key: string]: unknown;
}

/** Parrot's tool class: its wire schema is `{ name, about, schema }`. */
export class ParrotTool extends BaseTool {
  static override toolSchema(def: ToolDefinition) {
    return { name: def.name, about: def.description, schema: def.jsonSchema };
  }
}

function setupCall(ctx: SetupCallContext<ParrotCallParams, ClientOptions>): SetupCallResult {
  const apiKey = ctx.client.apiKey ?? readEnv("PARROT_API_KEY") ?? "";
  const body = {
    model: ctx.model,
    turns: toParrotTurns(ctx.messages),
    functions: ctx.tools.map((t) => ParrotTool.toolSchema(t)),
    stream: ctx.stream,
    ...ctx.callParams,
  };
  return {
    request: {
      url: `${ctx.client.baseURL ?? "https://parrot.example"}/generate`,
      headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}`, ...ctx.client.headers },
      body,
      secrets: [apiKey],
    },
    structured: ctx.structured ? { mode: "json" } : undefined,
  };
}

function getJsonOutput(r: ParrotCallResponse | ParrotChunk, _ctx: OutputContext): string {
  return r.content;
}

async function* handleStream(body: ReadableStream<Uint8Array>): AsyncGenerator<StreamItem<ParrotChunk>> {
  for await (const e of sseEvents(body)) {
    const data = JSON.parse(e.data);
    const event: ParrotEvent =
      e.event === "piece"
        ? { kind: "piece", text: data.text }
        : e.event === "call"
          ? { kind: "call", call: data }
          : { kind: "done", ...data };
    const chunk = new ParrotChunk(event);
    if (event.kind === "call") yield { chunk, toolCall: { id: event.call.ref, name: event.call.fn, args: event.call.input } };
    else yield { chunk };
  }
}

function toError(res: Response, text: string, secrets: readonly string[]) {
  let what = text;
  let retryable = res.status >= 500;
  try {
    const problem = JSON.parse(text).problem;
    what = problem.what;
    retryable = problem.retryable;
  } catch {
    // not Parrot's envelope: keep the raw text
  }
  const safe = secrets.reduce((m, s) => (s ? m.split(s).join("[redacted]") : m), what);
  return new APIError(`Parrot answered ${res.status}: ${safe}`, {
    status: res.status,
    provider: "parrot",
    body: safe,
    isRetryable: retryable,
  });
}

/** The types Parrot is made of: `callFactory<ParrotTypes>` types its calls, prompts and options with them. */
export interface ParrotTypes extends ProviderTypes {
  CallParams: ParrotCallParams;
  MessageParam: ParrotTurn;
  Response: ParrotCallResponse;
  Chunk: ParrotChunk;
  Stream: ParrotStream;
}

/** The Parrot provider: `parrot.call(options, fn)`, built only from promptcall's public exports. */
export const parrot = {
  call: callFactory<ParrotTypes>({
    name: "parrot",
    responseClass: ParrotCallResponse,
    streamClass: ParrotStream,
    toolClass: ParrotTool,
    // Its own prices (USD per 1M tokens, keyed "provider/model"): `cost` works for its calls.
    prices: { "parrot/parrot-1": { input: 1, output: 2 } },
    setupCall,
    getJsonOutput,
    handleStream,
    toError,
  }),
};
