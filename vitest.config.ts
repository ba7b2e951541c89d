// One vitest config, one project per runtime. The conformance suite (test/conformance) runs in every
// project; each runtime folder adds tests that prove where it runs and runtime-only checks.
// Deno is run separately by test/deno/run.mjs (see deno.json); plain miniflare by the "miniflare" project.
import { defineConfig } from "vitest/config";
import { playwright } from "@vitest/browser-playwright";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { chromiumArgs, chromiumPath } from "./test/support/chromium.mjs";

const conformance = "test/conformance/**/*.test.ts";
/** Tests and examples import the package by name, as users do; it resolves to the sources. */
const alias = [
  { find: /^promptcall$/, replacement: new URL("./src/index.ts", import.meta.url).pathname },
  { find: /^promptcall\/provider$/, replacement: new URL("./src/provider.ts", import.meta.url).pathname },
  { find: /^promptcall\/(testing|worker|browser|mcp|otel)$/, replacement: new URL("./src/$1/index.ts", import.meta.url).pathname },
  {
    find: /^promptcall\/(openai|anthropic|google|bedrock|vertex)$/,
    replacement: new URL("./src/providers/$1/index.ts", import.meta.url).pathname,
  },
];
const globalSetup = ["test/support/global-setup.ts"];

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "node",
          include: [conformance, "test/node/**/*.test.ts"],
          environment: "node",
          globalSetup,
        },
      },
      {
        // Pre-bundle the dependencies up front: one discovered mid-run makes Vite reload the page,
        // which vitest warns can re-run or fail tests.
        optimizeDeps: { include: ["eventsource-parser", "zod"] },
        resolve: { alias },
        test: {
          name: "browser",
          include: [conformance, "test/browser/**/*.test.ts"],
          globalSetup,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
      {
        resolve: { alias },
        plugins: [
          cloudflareTest({
            miniflare: { compatibilityDate: "2025-09-01", compatibilityFlags: ["nodejs_compat"] },
          }),
        ],
        test: {
          name: "worker",
          include: [conformance, "test/worker/**/*.test.ts"],
          globalSetup,
        },
      },
      {
        test: {
          name: "miniflare",
          include: ["test/miniflare/**/*.test.ts"],
          environment: "node",
        },
      },
    ],
  },
});
