export { createScriptedProvider, scriptedCall, SCRIPTED_URL, type ScriptedProvider } from "./scripted/scripted-provider.ts";
export { createScriptedFetch, type Script, type ScriptedTurn, type ScriptedFetch } from "./scripted/scripted-fetch.ts";
export { ScriptedCallResponse } from "./scripted/scripted-call-response.ts";
export { ScriptedCallResponseChunk } from "./scripted/scripted-chunk.ts";
export { ScriptedStream } from "./scripted/scripted-stream.ts";
export type { ScriptedRequestBody, ScriptedWireResponse, ScriptedWireChunk } from "./scripted/wire.ts";
export {
  createReplayFetch,
  fixtureResponse,
  type RecordedRequest,
  type ReplayBody,
  type ReplayFetch,
  type ReplayResponse,
  type ReplayScript,
} from "./replay-fetch.ts";
export { splitBytes, type SplitOptions } from "./split-bytes.ts";
export { seededRandom } from "./seeded-random.ts";
