// Lazy seam `failures` (http/seams.ts): what a failed request, body or time limit needs, from this floor
// and for core/ (its body and stream errors). A new failure of a request goes here, never in the eager path.
export { apiErrorFromResponse } from "./api-error-from-response.ts";
export { bodyReadFailure, bodyTooLarge } from "./body-failure.ts";
export { networkFailure } from "./network-failure.ts";
export { responseFailure } from "./response-failure.ts";
export { retryFailed } from "./retry.ts";
export { invalidTimeout, timeoutFailure } from "./timeout-failure.ts";
export { ParseError } from "../errors/parse-error.ts";
export { PromptcallError } from "../errors/promptcall-error.ts";
// Error classes the floors above build their own failures with (browser/'s reader, Vertex's token exchange): their
// messages may load eagerly while the classes come here, with a failure.
export { AuthenticationError, NetworkError, StreamError } from "../errors/index.ts";
