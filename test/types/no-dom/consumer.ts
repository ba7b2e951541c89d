// A consumer of promptcall/testing compiled without the DOM lib (ES2023 + @types/node, skipLibCheck
// off), by test/node/types-no-dom.test.ts against the built declarations in dist/.
import { createReplayFetch, createScriptedProvider } from "promptcall/testing";

export const replay = createReplayFetch([{ body: "data: 1\n\n" }]);
export const scripted = createScriptedProvider([{ text: "Hi" }]);
