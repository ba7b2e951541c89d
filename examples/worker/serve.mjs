// Runs the example Worker locally in miniflare (workerd, no compatibility flags) on a real port.
//
//   node examples/worker/serve.mjs      → http://127.0.0.1:8787 (PORT to change it)
//
// With OPENAI_API_KEY set it calls OpenAI (or OPENAI_BASE_URL). Without it, it starts the local
// fake OpenAI server (fake-openai.mjs) and says so: no network, and its log shows the upstream
// connection closing when you close the tab or press Stop mid-reply ("tell me a story").
import { Miniflare } from "miniflare";
import { bundleWorker } from "./build.mjs";
import { startFakeOpenAI } from "./fake-openai.mjs";

/**
 * Builds the Worker and serves it. Options: `port` (0 = any free port), `apiKey`, `baseURL`, `model`,
 * `log`. Without `apiKey` a fake OpenAI server is started. Resolves to `{ url, fake, mf, close }`.
 */
export async function serveExample(options = {}) {
  const { port = 8787, log = () => {} } = options;
  let { apiKey, baseURL } = options;
  let fake;
  if (!apiKey) {
    fake = await startFakeOpenAI({ log });
    apiKey = "sk-fake-local";
    baseURL = fake.baseURL;
  }
  const bindings = { OPENAI_API_KEY: apiKey };
  if (baseURL) bindings.OPENAI_BASE_URL = baseURL;
  if (options.model) bindings.MODEL = options.model;
  const mf = new Miniflare({
    modules: true,
    script: await bundleWorker(),
    compatibilityDate: "2025-09-01",
    bindings,
    host: "127.0.0.1",
    port,
  });
  const url = await mf.ready;
  return {
    url,
    fake,
    mf,
    async close() {
      await mf.dispose();
      await fake?.close();
    },
  };
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const env = process.env;
  if (!env.OPENAI_API_KEY) {
    console.log("No OPENAI_API_KEY set: the Worker calls a local fake OpenAI server (no network, canned replies).");
  }
  const app = await serveExample({
    port: Number(env.PORT ?? 8787),
    apiKey: env.OPENAI_API_KEY,
    baseURL: env.OPENAI_BASE_URL,
    model: env.MODEL,
    log: console.log,
  });
  if (app.fake) console.log(`Fake OpenAI server: ${app.fake.baseURL}`);
  console.log(`The example Worker is running: open ${app.url} (Ctrl-C to stop).`);
  process.on("SIGINT", () => app.close().then(() => process.exit(0)));
}
