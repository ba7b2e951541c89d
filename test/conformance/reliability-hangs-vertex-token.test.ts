// Vertex AI's service-account token exchange (https://developers.google.com/identity/protocols/oauth2/service-account#httprest)
// against a token endpoint that never answers: it has its own deadline (`timeoutMs`), and a caller's
// `signal` ends that caller's wait at once with the signal's reason, without failing the exchange
// other calls share.
import { describe, expect, it } from "vitest";
import { serviceAccountToken } from "../../src/providers/vertex/access-token.ts";
import type { ServiceAccountKey } from "../../src/providers/vertex/service-account.ts";
import { vertex, vertexAnthropic } from "../../src/providers/vertex/index.ts";
import { rejection } from "./support/scripted-server.ts";
import { testRsaKey } from "./support/test-rsa-key.ts";

const { pem: PEM } = await testRsaKey();

let accounts = 0;
/** A fresh service account (its own email, so no test shares another's cached token). */
function account(): ServiceAccountKey {
  accounts += 1;
  return { client_email: `hang${accounts}@p.iam.gserviceaccount.com`, private_key: PEM, private_key_id: "kid-1", project_id: "p" };
}

/** A token endpoint that answers only when `release` is called (a fetch that honours its signal meanwhile). */
function slowTokenEndpoint() {
  const waiting: (() => void)[] = [];
  const fetch = (_input: unknown, init?: RequestInit): Promise<Response> =>
    new Promise((resolve, reject) => {
      const signal = init?.signal;
      signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
      waiting.push(() =>
        resolve(new Response(JSON.stringify({ access_token: "ya29.late", expires_in: 3599, token_type: "Bearer" }), { status: 200 })),
      );
    });
  return {
    fetch: fetch as typeof globalThis.fetch,
    release: () => {
      for (const answer of waiting.splice(0)) answer();
    },
    requests: () => waiting.length,
  };
}

describe("vertex token exchange: no hang", () => {
  it("a caller's signal ends its wait for a token endpoint that does not answer, with the signal's reason", async () => {
    const { fetch } = slowTokenEndpoint();
    const controller = new AbortController();
    const pending = serviceAccountToken(account(), { fetch, signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user left")), 20);
    expect(await rejection(pending)).toMatchObject({ message: "user left" });
  });

  it("an already-aborted signal rejects before any exchange", async () => {
    const { fetch, requests } = slowTokenEndpoint();
    const error = await rejection(serviceAccountToken(account(), { fetch, signal: AbortSignal.abort(new Error("gone")) }));
    expect(error).toMatchObject({ message: "gone" });
    expect(requests()).toBe(0);
  });

  it("one caller's abort does not fail the exchange another call shares", async () => {
    const { fetch, release } = slowTokenEndpoint();
    const key = account();
    const controller = new AbortController();
    const leaving = serviceAccountToken(key, { fetch, signal: controller.signal });
    const staying = serviceAccountToken(key, { fetch });
    await new Promise((r) => setTimeout(r, 10));
    controller.abort(new Error("user left"));
    expect(await rejection(leaving)).toMatchObject({ message: "user left" });
    release();
    expect(await staying).toBe("ya29.late");
  });

  it("a call's signal ends a Vertex call that waits on the token exchange, with the signal's reason", async () => {
    const { fetch, requests } = slowTokenEndpoint();
    const client = () => ({ fetch, project: "p", location: "us-east5", serviceAccountKey: account() });
    const starts = [
      (signal: AbortSignal) => vertex.call({ model: "gemini-2.5-flash", client: client(), signal }, () => "Hi")(),
      (signal: AbortSignal) => vertexAnthropic.call({ model: "claude-haiku-4-5@20251001", client: client(), signal }, () => "Hi")(),
    ];
    for (const start of starts) {
      const controller = new AbortController();
      const pending = start(controller.signal);
      setTimeout(() => controller.abort(new Error("user left")), 20);
      expect(await rejection(pending)).toMatchObject({ message: "user left" });
    }
    expect(requests()).toBe(2); // both waited on the token endpoint (no model request was sent)
  });

  it("a fetch that ignores its signal cannot outlast the exchange's deadline", async () => {
    const deaf = (() => new Promise<Response>(() => {})) as typeof globalThis.fetch;
    const error = await rejection(serviceAccountToken(account(), { fetch: deaf, timeoutMs: 40 }));
    expect(error).toMatchObject({ name: "NetworkError" });
    expect((error as Error).message).toMatch(/no answer within 40 ms/);
  });

  it("a token body that stalls after the headers ends at the exchange's deadline", async () => {
    const stalled = (() =>
      Promise.resolve(
        new Response(new ReadableStream({ pull: () => new Promise<void>(() => {}) }), { status: 200 }),
      )) as typeof globalThis.fetch;
    const error = await rejection(serviceAccountToken(account(), { fetch: stalled, timeoutMs: 40 }));
    expect(error).toMatchObject({ name: "NetworkError" });
  });
});
