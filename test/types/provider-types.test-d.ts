// Type tests of the provider type bag: `callFactory` typed by a named `ProviderTypes` bag, or by the
// types it reads from a definition (`TypesOf`). Compiled by `tsc -p tsconfig.test.json`.
import { expectTypeOf } from "vitest";
import { callFactory } from "../../src/core/call-factory.ts";
import type { CallOptions } from "../../src/core/call-options.ts";
import type { BaseMessageParam } from "../../src/core/message-param.ts";
import type { OutputContext, ProviderDefinition, SetupCallContext, SetupCallResult } from "../../src/core/provider-definition.ts";
import type { ProviderTypes } from "../../src/core/provider-types.ts";
import type { StreamItem } from "../../src/core/stream.ts";
import { BaseTool } from "../../src/core/tools/base-tool.ts";
import type { TypesOf } from "../../src/core/types-of.ts";
import { ScriptedCallResponse, type ScriptedCallResponseChunk, ScriptedStream } from "../../src/testing/index.ts";

interface EchoParams {
  temperature?: number;
  [key: string]: unknown;
}
interface EchoTurn {
  speaker: "human" | "bot";
  text: string;
}
/** Echo's own option beside the common ones. */
interface EchoExtra {
  flavour?: "plain" | "fancy";
}

interface EchoTypes extends ProviderTypes {
  CallParams: EchoParams;
  MessageParam: EchoTurn;
  Response: ScriptedCallResponse;
  Chunk: ScriptedCallResponseChunk;
  Stream: ScriptedStream;
  Extra: EchoExtra;
}

declare function setupCall(ctx: SetupCallContext<EchoParams, EchoTypes["Client"], CallOptions & EchoExtra>): SetupCallResult;
declare function getJsonOutput(r: ScriptedCallResponse | ScriptedCallResponseChunk, ctx: OutputContext): string;
declare function handleStream(body: ReadableStream<Uint8Array>): AsyncIterable<StreamItem<ScriptedCallResponseChunk>>;

const pieces = {
  name: "echo",
  responseClass: ScriptedCallResponse,
  streamClass: ScriptedStream,
  toolClass: BaseTool,
  setupCall,
  getJsonOutput,
  handleStream,
};

export async function checks() {
  // A named bag types everything, the provider's messages included.
  const definition: ProviderDefinition<EchoTypes> = pieces;
  const named = callFactory<EchoTypes>(definition);
  const r = await named({ model: "m", callParams: { temperature: 1 }, flavour: "fancy" }, () => "x")();
  expectTypeOf(r).toEqualTypeOf<ScriptedCallResponse>();
  named({ model: "m" }, () => [{ speaker: "bot", text: "hi" }] as EchoTurn[]);
  named({ model: "m" }, () => [{ role: "user", content: "hi" }] as BaseMessageParam[]);
  // @ts-expect-error not one of Echo's flavours
  named({ model: "m", flavour: "spicy" }, () => "x");
  // @ts-expect-error callParams are Echo's
  named({ model: "m", callParams: { temperature: "hot" } }, () => "x");

  // A definition typed with a bag keeps the bag, its message type included.
  const typed = callFactory(definition);
  expectTypeOf(await typed({ model: "m" }, () => "x")()).toEqualTypeOf<ScriptedCallResponse>();
  // @ts-expect-error not Echo's messages
  typed({ model: "m" }, () => [42]);
  // @ts-expect-error not Echo's messages
  named({ model: "m" }, () => [42]);

  // Without a bag, the types are read from the definition: classes, call params and extra options.
  expectTypeOf<TypesOf<typeof pieces>["Response"]>().toEqualTypeOf<ScriptedCallResponse>();
  expectTypeOf<TypesOf<typeof pieces>["Chunk"]>().toEqualTypeOf<ScriptedCallResponseChunk>();
  expectTypeOf<TypesOf<typeof pieces>["CallParams"]>().toEqualTypeOf<EchoParams>();
  const inferred = callFactory(pieces);
  const s = await inferred({ model: "m", stream: true, flavour: "plain" }, () => "x")();
  expectTypeOf(s).toEqualTypeOf<ScriptedStream>();
  // @ts-expect-error not one of Echo's flavours
  inferred({ model: "m", flavour: "spicy" }, () => "x");
}
