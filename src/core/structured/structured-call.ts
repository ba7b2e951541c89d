// Everything a `responseModel` call needs beyond a plain call, in one module that `callFactory`
// imports only when a call has a `responseModel` (a bundler makes it a chunk of its own).
export { buildStructuredSpec, resolveStructured } from "./response-model.ts";
export { StructuredStream } from "./structured-stream.ts";
