// Addresses of the test server's /script route (test/support/test-server.mjs): a misbehaving
// upstream described in the URL, so every runtime reaches the same local server the same way.
import { inject } from "vitest";
import { fixtures } from "../../fixtures/index.ts";

/** What the /script route does; see its doc comment in test/support/test-server.mjs. */
export interface Script {
  id?: string;
  hang?: boolean;
  hangHits?: number;
  headDelayMs?: number;
  status?: number;
  type?: string;
  headers?: Record<string, string>;
  parts?: string[];
  fill?: number;
  delayMs?: number;
  end?: "close" | "stall" | "reset";
}

/** A base URL (for `client.baseURL`) whose requests the test server answers as `script` says. */
export function scriptedBaseURL(script: Script): string {
  const json = new TextEncoder().encode(JSON.stringify(script));
  let binary = "";
  for (const byte of json) binary += String.fromCharCode(byte);
  const segment = btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  return `${inject("serverUrl")}/script/${segment}`;
}

/** A unique id, so that hit counts of one test never mix with another's. */
export function uniqueId(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** The events of a recorded SSE body, each with its blank line, bytes as recorded (CRLF or LF). */
export function sseEventsOf(path: string): string[] {
  return fixtures[path].split(/(?<=\r?\n\r?\n)/).filter((event) => event.trim() !== "");
}

/** Awaits `promise` and returns what it rejected with (fails when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}
