export { createScriptedProvider, scriptedCall, SCRIPTED_URL, type ScriptedProvider } from "./scripted/scripted-provider";
export { createScriptedFetch, type Script, type ScriptedTurn, type ScriptedFetch } from "./scripted/scripted-fetch";
export { ScriptedCallResponse } from "./scripted/scripted-call-response";
export { ScriptedCallResponseChunk } from "./scripted/scripted-chunk";
export { ScriptedStream } from "./scripted/scripted-stream";
export type { ScriptedRequestBody, ScriptedWireResponse, ScriptedWireChunk } from "./scripted/wire";
export {
  createReplayFetch,
  fixtureResponse,
  type RecordedRequest,
  type ReplayBody,
  type ReplayFetch,
  type ReplayResponse,
  type ReplayScript,
} from "./replay-fetch";
export { splitBytes, type SplitOptions } from "./split-bytes";
export { seededRandom } from "./seeded-random";
