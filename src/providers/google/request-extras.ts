// The parts of building a request that only some calls need: the message converter (histories that
// are not plain text) and the `responseModel` options. setupCall imports them lazily, from this one
// module, so they share one lazy chunk and the modules they use with a plain call (read-parts,
// tool-message-params, tool, tool-schema) stay in one shared chunk too: every extra chunk a plain call
// loads costs its own gzip overhead.
export { convertMessages } from "./convert-messages.ts";
export { applyStructured } from "./structured-request.ts";
// Neutral `params`, converted only when a call has some.
export { withGoogleParams } from "./convert-params.ts";
