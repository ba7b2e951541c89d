// `npm run demo`: the agent on a real provider when an API key is set, else on the scripted provider.
import { runAgent } from "./agent.mjs";
import { scriptedLibrarian } from "./scripted-librarian.mjs";

const env = globalThis.process?.env ?? {};
const target = env.OPENAI_API_KEY
  ? { provider: "openai", model: "gpt-4o-mini" }
  : env.ANTHROPIC_API_KEY
    ? { provider: "anthropic", model: "claude-haiku-4-5" }
    : env.GEMINI_API_KEY
      ? { provider: "google", model: "gemini-2.5-flash" }
      : undefined;

if (target) console.log(`promptcall demo: using ${target.provider} (${target.model}) with your API key.`);
else
  console.log(
    "promptcall demo: no OPENAI_API_KEY, ANTHROPIC_API_KEY or GEMINI_API_KEY set, so this runs on the\nbuilt-in scripted provider (promptcall/testing): no network, canned model replies.\n",
  );

const started = Date.now();
const result = await runAgent(
  target ?? { provider: scriptedLibrarian(), model: "scripted-librarian" },
  "I'd like a classic science-fiction novel I can borrow today.",
  (line) => console.log(`  [${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`),
);
console.log("\nStructured summary:");
console.log(result.summary);
if (result.usage) console.log(`\nLast turn used ${result.usage.totalTokens} tokens.`);
