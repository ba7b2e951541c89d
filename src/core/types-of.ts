import type { BaseCallParams } from "./call-params.ts";
import type { BaseCallResponse } from "./call-response.ts";
import type { BaseCallResponseChunk } from "./call-response-chunk.ts";
import type { CallOptions } from "./call-options.ts";
import type { ClientOptions } from "../http/client-options.ts";
import type { ProviderTypes } from "./provider-types.ts";
import type { BaseStream } from "./stream.ts";

/** The first parameter of a definition's `setupCall`, when it declares one. */
type SetupContextOf<P> = P extends { setupCall(context: infer C): unknown } ? C : never;

/** The provider-only options a `setupCall` context declares: its `options` minus the common ones. */
type ExtraOf<C> = C extends { options: infer O } ? Omit<O, keyof CallOptions> : {};

/** The stream class's instance type. */
type StreamOf<P> = P extends { streamClass: abstract new (...args: never) => infer S extends BaseStream } ? S : BaseStream;

/**
 * The types of a provider definition handed to `callFactory` without naming them, read from its
 * classes and its `setupCall`'s context (the message type stays `unknown`: name it with a bag).
 */
export interface TypesOf<P> extends ProviderTypes {
  CallParams: SetupContextOf<P> extends { callParams: infer C extends BaseCallParams } ? C : BaseCallParams;
  Client: SetupContextOf<P> extends { client: infer C extends ClientOptions } ? C : ClientOptions;
  Response: P extends { responseClass: abstract new (...args: never) => infer R extends BaseCallResponse } ? R : BaseCallResponse;
  Chunk: StreamOf<P> extends BaseStream<infer C> ? C : BaseCallResponseChunk;
  Stream: StreamOf<P>;
  Extra: ExtraOf<SetupContextOf<P>>;
}
