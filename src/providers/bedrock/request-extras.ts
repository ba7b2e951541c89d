// Lazy seam `request-extras`: what building a request needs beyond a plain-text history (content
// parts, tool calls and results, reasoning, cache points), loaded the first time a call has one or fails:
// Bedrock's failures come in the same chunk (seams.ts says why).
export * from "./failures.ts";
export { convertMessages } from "./convert-messages.ts";
// Neutral `params`, converted only when a call has some.
export { withBedrockParams } from "./convert-params.ts";
