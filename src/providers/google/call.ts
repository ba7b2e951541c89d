import { callFactory } from "../../core/call-factory.ts";
import { googleProvider } from "./provider.ts";

/** `google.call(options, fn)`: a Gemini API call built with `callFactory`. */
export const googleCall = /* @__PURE__ */ callFactory(googleProvider);
