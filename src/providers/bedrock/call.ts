import { callFactory } from "../../core/call-factory.ts";
import { bedrockProvider } from "./provider.ts";

/** `bedrock.call(options, fn)`: turns a prompt function into a Converse (or ConverseStream) call. */
export const bedrockCall = /* @__PURE__ */ callFactory(bedrockProvider);
