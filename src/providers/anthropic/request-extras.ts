// Lazy seam `request-extras`: what building a request needs beyond a plain-text history (content
// parts, tool calls and results, neutral histories), loaded the first time a call has one.
export { convertMessages } from "./convert-messages.ts";
// Neutral `params`, converted only when a call has some.
export { withAnthropicParams } from "./convert-params.ts";
