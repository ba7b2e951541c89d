// Vertex AI with a service-account key: the JWT assertion is signed in the runtime with WebCrypto
// (RS256) and exchanged at the token endpoint, as "Using OAuth 2.0 for Server to Server
// Applications" describes (https://developers.google.com/identity/protocols/oauth2/service-account#httprest):
// claims iss, scope, aud = https://oauth2.googleapis.com/token, iat, exp <= iat + 3600; the form
// grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=…; the answer
// { access_token, expires_in, token_type }. The key is generated here; the signature is verified with its public key.
import { describe, expect, it } from "vitest";
import { AuthenticationError } from "../../src/errors/authentication-error.ts";
import { NetworkError } from "../../src/errors/network-error.ts";
import { serviceAccountToken, TOKEN_MARGIN_MS } from "../../src/providers/vertex/access-token.ts";
import { vertex, type ServiceAccountKey } from "../../src/providers/vertex/index.ts";
import { createReplayFetch, fixtureResponse, type RecordedRequest } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";
import { testRsaKey } from "./support/test-rsa-key.ts";

const TOKEN_URL = "https://oauth2.googleapis.com/token";
const { pair, pem: PEM } = await testRsaKey();

let accounts = 0;
/** A fresh service account (its own email, so no test shares another's cached token). */
function account(extra: Partial<ServiceAccountKey> = {}): ServiceAccountKey {
  accounts += 1;
  return {
    type: "service_account",
    project_id: "sa-project",
    private_key_id: "kid-1",
    client_email: `sa${accounts}@sa-project.iam.gserviceaccount.com`,
    private_key: PEM,
    token_uri: TOKEN_URL,
    ...extra,
  };
}

/** A fetch answering the token endpoint with `token` (lifetime `expiresIn` s) and Vertex with the Gemini text fixture. */
function googleCloud(expiresIn = 3599, token = (n: number) => `ya29.token-${n}`) {
  let issued = 0;
  return createReplayFetch((req) =>
    req.url === TOKEN_URL
      ? {
          body: JSON.stringify({ access_token: token(++issued), expires_in: expiresIn, token_type: "Bearer" }),
          headers: { "content-type": "application/json" },
        }
      : fixtureResponse(fixtures["gemini/generate_text.json"]!),
  );
}

const fromB64url = (s: string) => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
const decode = (s: string) => JSON.parse(new TextDecoder().decode(fromB64url(s)));
const tokenRequests = (requests: RecordedRequest[]) => requests.filter((r) => r.url === TOKEN_URL);

describe("vertex: service-account key", () => {
  it("exchanges a JWT signed RS256 with the key (verified with its public key) and sends the token", async () => {
    const fetch = googleCloud();
    const key = account();
    const before = Math.floor(Date.now() / 1000);
    const response = await vertex.call(
      { model: "gemini-2.5-flash", client: { fetch, location: "us-central1", serviceAccountKey: key } },
      () => "hi",
    )();
    expect(response.content).toBe("Hello! How can I help you today?");
    const [exchange, call] = fetch.requests as [RecordedRequest, RecordedRequest];
    expect(exchange.url).toBe(TOKEN_URL);
    expect(exchange.method).toBe("POST");
    expect(exchange.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const form = new URLSearchParams(exchange.body);
    expect(form.get("grant_type")).toBe("urn:ietf:params:oauth:grant-type:jwt-bearer");
    const [header, claims, signature] = form.get("assertion")!.split(".") as [string, string, string];
    expect(decode(header)).toEqual({ alg: "RS256", typ: "JWT", kid: "kid-1" });
    const payload = decode(claims);
    expect(payload).toMatchObject({ iss: key.client_email, scope: "https://www.googleapis.com/auth/cloud-platform", aud: TOKEN_URL });
    expect(payload.iat).toBeGreaterThanOrEqual(before - 1);
    expect(payload.exp - payload.iat).toBe(3600);
    const signed = new TextEncoder().encode(`${header}.${claims}`);
    expect(await crypto.subtle.verify("RSASSA-PKCS1-v1_5", pair.publicKey, fromB64url(signature), signed)).toBe(true);
    const tampered = new TextEncoder().encode(`${header}.${claims.slice(0, -2)}AA`);
    expect(await crypto.subtle.verify("RSASSA-PKCS1-v1_5", pair.publicKey, fromB64url(signature), tampered)).toBe(false);
    // The project comes from the key's project_id.
    expect(call.url).toBe(
      "https://us-central1-aiplatform.googleapis.com/v1/projects/sa-project/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent",
    );
    expect(call.headers.authorization).toBe("Bearer ya29.token-1");
  });

  it("accepts the key file as JSON text, with the PEM's newlines escaped as an environment variable holds them", async () => {
    const fetch = googleCloud();
    const key = JSON.stringify(account({ private_key: PEM.replace(/\n/g, "\\n") }));
    await vertex.call({ model: "gemini-2.5-flash", client: { fetch, serviceAccountKey: key } }, () => "hi")();
    expect(tokenRequests(fetch.requests)).toHaveLength(1);
    expect(fetch.requests[1]!.headers.authorization).toBe("Bearer ya29.token-1");
  });

  it("exchanges once for two calls, and once for two concurrent calls", async () => {
    const fetch = googleCloud();
    const call = vertex.call({ model: "gemini-2.5-flash", client: { fetch, serviceAccountKey: account() } }, () => "hi");
    await call();
    await call();
    await Promise.all([call(), call()]);
    expect(tokenRequests(fetch.requests)).toHaveLength(1);
    expect(fetch.requests.filter((r) => r.url !== TOKEN_URL).map((r) => r.headers.authorization)).toEqual(
      Array(4).fill("Bearer ya29.token-1"),
    );
  });

  it("exchanges again once the token is within the renewal margin of its expiry", async () => {
    const fetch = googleCloud(3600);
    const key = account();
    let now = 1_800_000_000_000;
    const clock = { fetch, now: () => now };
    expect(await serviceAccountToken(key, clock)).toBe("ya29.token-1");
    now += 3600 * 1000 - TOKEN_MARGIN_MS - 1;
    expect(await serviceAccountToken(key, clock)).toBe("ya29.token-1");
    now += 1;
    expect(await serviceAccountToken(key, clock)).toBe("ya29.token-2");
    expect(tokenRequests(fetch.requests)).toHaveLength(2);
  });

  it("a token that lives less than the margin is never reused by calls", async () => {
    const fetch = googleCloud(60);
    const call = vertex.call({ model: "gemini-2.5-flash", client: { fetch, serviceAccountKey: account() } }, () => "hi");
    await call();
    await call();
    expect(tokenRequests(fetch.requests)).toHaveLength(2);
    expect(fetch.requests.at(-1)!.headers.authorization).toBe("Bearer ya29.token-2");
  });

  it("a refused key is an AuthenticationError that quotes neither the key nor the assertion, and is not cached", async () => {
    const refused = { error: "invalid_grant", error_description: "Invalid JWT Signature." };
    const fetch = createReplayFetch([
      { status: 400, body: JSON.stringify(refused), headers: { "content-type": "application/json" } },
      { body: JSON.stringify({ access_token: "ya29.after", expires_in: 3599 }) },
      fixtureResponse(fixtures["gemini/generate_text.json"]!),
    ]);
    const call = vertex.call({ model: "gemini-2.5-flash", client: { fetch, serviceAccountKey: account() } }, () => "hi");
    const error = await call().catch((e: unknown) => e);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain("Invalid JWT Signature");
    const assertion = new URLSearchParams(fetch.requests[0]!.body).get("assertion")!;
    const text = JSON.stringify({ error, message: (error as Error).message });
    expect(text).not.toContain(assertion);
    expect(text).not.toContain(PEM.split("\n")[1]);
    expect(fetch.requests).toHaveLength(1);
    await call();
    expect(fetch.requests.at(-1)!.headers.authorization).toBe("Bearer ya29.after");
  });

  it("a token endpoint that does not answer in time is a NetworkError, never a hang", async () => {
    const fetch = createReplayFetch({ delayMs: 5000, body: "{}" });
    const started = Date.now();
    const error = await serviceAccountToken(account(), { fetch, timeoutMs: 50 }).catch((e: unknown) => e);
    expect(NetworkError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain("no answer within 50 ms");
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
