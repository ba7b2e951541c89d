// What `llm` loads for OpenAI and its presets, as one lazy chunk. Not a lazy load of the whole `…/openai/index.ts`: a
// dynamic import keeps every export of its module, so a program that also imports `openai` statically
// (sharing that module with llm's chunk) would load all of promptcall/openai up front, presets' prices too.
export { openai } from "../providers/openai/index.ts";
export { deepseek, groq, mistral, ollama, openrouter, together, xai } from "../providers/openai/services/presets.ts";
