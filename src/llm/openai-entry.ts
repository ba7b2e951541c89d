// What `llm` loads for OpenAI and its presets, as one lazy chunk. Not a lazy load of the whole `…/openai/index.ts`: a
// dynamic import keeps every export of its module, so a program that also imports `openai` statically
// (sharing that module with llm's chunk) would load all of promptcall/openai up front. Nor presets.ts and
// compatible.ts: `promptcall/openai` re-exports them, and esbuild loads up front a module an entry re-exports
// and a lazy chunk uses, in every program importing promptcall/openai and the root entry (`llm`). So llm
// builds presets of its own, from the same options (preset-options.ts) with the same builder.
import { compatibleProvider } from "../providers/openai/services/compatible-provider.ts";
import { DEEPSEEK, GROQ, MISTRAL, OLLAMA, OPENROUTER, TOGETHER, XAI } from "../providers/openai/services/preset-options.ts";

export { openai } from "../providers/openai/index.ts";
/** The presets as `llm` reaches them ("groq/…"): the same services as `promptcall/openai`'s. */
export const groq = compatibleProvider(GROQ);
export const xai = compatibleProvider(XAI);
export const deepseek = compatibleProvider(DEEPSEEK);
export const openrouter = compatibleProvider(OPENROUTER);
export const together = compatibleProvider(TOGETHER);
export const mistral = compatibleProvider(MISTRAL);
export const ollama = compatibleProvider(OLLAMA);
