import type { OpenAICallResponseChunk } from "./call-response-chunk.ts";
import { mergeReasoningDetails } from "./reasoning-details.ts";
import { OpenAIStream } from "./stream.ts";

/**
 * The Chat Completions stream of a service that may send OpenRouter's `reasoning_details`: it merges
 * their pieces into `reasoningDetails`. It loads (`request-extras`) with the first streaming call that
 * does not go to OpenAI's own API, which has no such field (see `createOpenAICall`).
 */
export class OpenAIReasoningDetailsStream extends OpenAIStream {
  protected override onChunk(chunk: OpenAICallResponseChunk): void {
    super.onChunk(chunk);
    // OpenRouter's reasoning details arrive in pieces: the stream merges them into its own list.
    const pieces = chunk.reasoningDetails;
    if (pieces?.length) this.reasoningDetails = mergeReasoningDetails(this.reasoningDetails ?? [], pieces);
  }
}
