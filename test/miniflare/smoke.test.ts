// Runs test/miniflare/worker.ts, built from dist/, in plain miniflare (workerd) with NO
// compatibility flags — unlike the vitest-pool-workers project, which needs nodejs_compat itself.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.mjs";

const root = join(import.meta.dirname, "..", "..");

/** Bundles the Worker the way a Workers user's bundler would resolve promptcall. */
async function bundleWorker(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: "neutral",
    format: "esm",
    target: "es2022",
    mainFields: ["module", "main"],
    conditions: ["workerd", "worker", "browser"],
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

describe("plain miniflare smoke test (dist/ in workerd, no compatibility flags)", () => {
  let mf: Miniflare | undefined;
  let server: TestServer | undefined;

  beforeAll(async () => {
    if (!existsSync(join(root, "dist", "index.js"))) {
      throw new Error("dist/index.js is missing: run `npm run build` before the miniflare smoke test");
    }
    server = await startTestServer();
    const script = await bundleWorker(join(root, "test", "miniflare", "worker.ts"));
    mf = new Miniflare({ modules: true, script, compatibilityDate: "2025-09-01", bindings: { SERVER_URL: server.url } });
    await mf.ready;
  }, 60_000);

  afterAll(async () => {
    await mf?.dispose();
    await server?.close();
  });

  it("answers from inside workerd with the package's exports", async () => {
    const res = await mf!.dispatchFetch("http://worker.test/");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { runtime: string; exports: string[] };
    expect(body.runtime).toBe("Cloudflare-Workers");
    expect(body.exports.length).toBeGreaterThan(0);
    expect(body.exports).toContain("defineTool");
    expect(body.exports).toContain("llm");
  });

  it("reaches the local test server with fetch from the Worker", async () => {
    const res = await mf!.dispatchFetch("http://worker.test/echo");
    const body = (await res.json()) as { body: unknown };
    expect(body.body).toEqual({ from: "worker" });
  });
});
