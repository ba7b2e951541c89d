import { defineConfig } from "vitest/config";

// Minimal config; the runtime projects (node, browser, worker) are added by the harness.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          include: ["test/conformance/**/*.test.ts", "test/node/**/*.test.ts"],
          environment: "node",
        },
      },
    ],
  },
});
