// The wire format of "Parrot", a made-up LLM HTTP API used to show how a third party adds a provider.
//   POST {baseURL}/generate   { model, turns: [{ speaker: "system"|"human"|"bot"|"tool", text, calls?, callId? }],
//                               functions: [{ name, about, schema }], stream, temperature? }
//   → 200 { reply: { text, calls: [{ ref, fn, input }] }, stop: "done"|"cutoff"|"calls", tokens: { read, written } }
//   → stream: SSE events `piece` { text }, `call` { ref, fn, input }, `done` { stop, tokens }
//   → errors: { problem: { what, retryable } } with an HTTP status

/** A Parrot conversation turn. */
export interface ParrotTurn {
  speaker: "system" | "human" | "bot" | "tool";
  text: string;
  calls?: ParrotCall[];
  callId?: string;
}

/** A function call made by the model. */
export interface ParrotCall {
  ref: string;
  fn: string;
  input: Record<string, unknown>;
}

/** The non-streaming reply. */
export interface ParrotReply {
  reply: { text: string; calls: ParrotCall[] };
  stop: "done" | "cutoff" | "calls";
  tokens: { read: number; written: number };
}

/** One streamed event, after decoding. */
export type ParrotEvent =
  | { kind: "piece"; text: string }
  | { kind: "call"; call: ParrotCall }
  | { kind: "done"; stop: ParrotReply["stop"]; tokens: ParrotReply["tokens"] };
