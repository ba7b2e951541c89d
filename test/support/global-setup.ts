// vitest globalSetup shared by the node, browser and worker projects: starts the local test
// server and hands its URL to the tests as `inject("serverUrl")`.
import type { TestProject } from "vitest/node";
import { startTestServer } from "./test-server.mjs";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestServer();
  project.provide("serverUrl", server.url);
  return server.close;
}
