import { callFactory } from "../../core/call-factory.ts";
import { anthropicProvider } from "./provider.ts";

/** `anthropic.call(options, fn)`: turns a prompt function into a Messages API call. */
export const anthropicCall = /* @__PURE__ */ callFactory(anthropicProvider);
