import type { OpenAICallResponseChunk } from "./call-response-chunk.ts";
import { mergeReasoningDetails } from "./reasoning-details.ts";
import type { OpenAIStream } from "./stream.ts";

/** A Chat Completions stream class. */
type StreamClass = typeof OpenAIStream<OpenAICallResponseChunk>;

const made = new WeakMap<StreamClass, StreamClass>();

/**
 * The stream class of a service that may send OpenRouter's `reasoning_details`: `Stream`, merging their
 * pieces into `reasoningDetails` (one class per `Stream`). It loads (`request-extras`) with the first
 * streaming call of a service whose settings keep them (`reasoningDetails: true`, see `createOpenAICall`).
 * The class to extend is passed in, so that this chunk does not import the stream's module.
 */
export function reasoningDetailsStream(Stream: StreamClass): StreamClass {
  let merging = made.get(Stream);
  if (!merging) {
    merging = class OpenAIReasoningDetailsStream extends Stream {
      protected override onChunk(chunk: OpenAICallResponseChunk): void {
        super.onChunk(chunk);
        // OpenRouter's reasoning details arrive in pieces: the stream merges them into its own list.
        const pieces = chunk.reasoningDetails;
        if (pieces?.length) this.reasoningDetails = mergeReasoningDetails(this.reasoningDetails ?? [], pieces);
      }
    };
    made.set(Stream, merging);
  }
  return merging;
}
