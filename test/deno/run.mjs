#!/usr/bin/env node
// Runs the Deno suite: starts the local test server (as vitest's globalSetup does for the other
// runtimes), then `deno test` with its URL in PROMPTCALL_TEST_PROVIDE (read by the shim's inject()).
//   node test/deno/run.mjs [--junit=path] [extra deno test args]
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startMcpServer } from "../support/mcp-server.mjs";
import { startTestServer } from "../support/test-server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);

function denoBinary() {
  const bin = join(root, "node_modules", ".bin", "deno");
  try {
    require.resolve("deno/package.json", { paths: [root] });
    return bin;
  } catch {
    return "deno";
  }
}

const args = process.argv.slice(2);
const junit = args.find((a) => a.startsWith("--junit="));
const extra = args.filter((a) => a !== junit);
const server = await startTestServer();
const mcp = await startMcpServer();
const denoArgs = [
  "test",
  "--no-check", // types are checked by tsc; Deno's own lib types differ from the DOM ones
  "--allow-net=127.0.0.1",
  "--allow-read=.",
  "--allow-env", // tinyrainbow (inside @vitest/expect) reads colour settings
  ...(junit ? [`--junit-path=${junit.slice("--junit=".length)}`] : []),
  ...(extra.length ? extra : ["test/deno/"]),
];
const child = spawn(denoBinary(), denoArgs, {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    NO_COLOR: process.env.NO_COLOR ?? "",
    PROMPTCALL_TEST_PROVIDE: JSON.stringify({ serverUrl: server.url, mcpUrl: mcp.url }),
  },
});
const code = await new Promise((resolve) => child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0))));
await server.close();
await mcp.close();
process.exit(code);
