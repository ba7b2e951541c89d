import type { ProviderTypes } from "./provider-types.ts";
import type { StructuredStream } from "./structured/structured-stream.ts";

/**
 * What one call produced, told apart by `kind`: the one place the machinery distinguishes its
 * results (`deliver` in run-call.ts turns it into the value the caller awaits, and is where
 * middleware sees it).
 */
export type CallOutcome<T extends ProviderTypes = ProviderTypes> =
  /** A non-streaming response. */
  | { kind: "response"; response: T["Response"] }
  /** A stream, not iterated yet. */
  | { kind: "stream"; stream: T["Stream"] }
  /** A `responseModel` value (already through `outputParser`), and the response it came from. */
  | { kind: "structured"; value: unknown; response: T["Response"] }
  /** A `responseModel` stream, not iterated yet. */
  | { kind: "structured-stream"; stream: StructuredStream<unknown> }
  /** What `outputParser` made of a response. */
  | { kind: "parsed"; value: unknown; response: T["Response"] };
