// SigV4: the Bedrock provider's signature (aws4fetch on WebCrypto, src/providers/bedrock/sign-request.ts)
// equals the AWS SDK's signer (@smithy/signature-v4 with @aws-crypto/sha256-js, devDependencies used
// only here) for the same request and a fixed date, with and without a session token.
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { describe, expect, it } from "vitest";
import { signRequest } from "../../src/providers/bedrock/sign-request.ts";

const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const model = "anthropic.claude-3-5-haiku-20241022-v1:0";
const body = JSON.stringify({ messages: [{ role: "user", content: [{ text: "Recommend a fantasy book" }] }] });
const date = new Date("2026-12-07T01:02:03Z");

/** What the AWS SDK sends for the same request: its HttpRequest path holds the model id URI-encoded once. */
async function sdkHeaders(sessionToken?: string, operation = "converse") {
  const signer = new SignatureV4({
    credentials: { ...credentials, sessionToken },
    region: "us-east-1",
    service: "bedrock",
    sha256: Sha256,
  });
  const signed = await signer.sign(
    {
      method: "POST",
      protocol: "https:",
      hostname: "bedrock-runtime.us-east-1.amazonaws.com",
      path: `/model/${encodeURIComponent(model)}/${operation}`,
      headers: {
        host: "bedrock-runtime.us-east-1.amazonaws.com",
        "content-type": "application/json",
        "x-amz-content-sha256": await sha256Hex(body),
      },
      body,
      query: {},
    },
    { signingDate: date },
  );
  return signed.headers as Record<string, string>;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function ours(sessionToken?: string, operation = "converse") {
  return signRequest({
    url: `https://bedrock-runtime.us-east-1.amazonaws.com/model/${encodeURIComponent(model)}/${operation}`,
    body,
    headers: { "content-type": "application/json" },
    credentials: { ...credentials, sessionToken },
    region: "us-east-1",
    datetime: "20261207T010203Z",
  });
}

describe("Bedrock SigV4 signature", () => {
  it("equals @smithy/signature-v4's for a Converse request", async () => {
    const [mine, sdk] = await Promise.all([ours(), sdkHeaders()]);
    expect(mine.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261207\/us-east-1\/bedrock\/aws4_request, /);
    expect(mine.authorization).toBe(sdk.authorization);
    expect(mine["x-amz-date"]).toBe(sdk["x-amz-date"]);
    expect(mine["x-amz-content-sha256"]).toBe(sdk["x-amz-content-sha256"]);
  });

  it("equals it with a session token (signed as x-amz-security-token) on ConverseStream", async () => {
    const [mine, sdk] = await Promise.all([
      ours("FwoGZXIvYXdzEXAMPLETOKEN", "converse-stream"),
      sdkHeaders("FwoGZXIvYXdzEXAMPLETOKEN", "converse-stream"),
    ]);
    expect(mine.authorization).toContain("x-amz-security-token");
    expect(mine.authorization).toBe(sdk.authorization);
    expect(mine["x-amz-security-token"]).toBe("FwoGZXIvYXdzEXAMPLETOKEN");
  });

  it("changes with the body, so a signature cannot be replayed for another prompt", async () => {
    const other = await signRequest({
      url: `https://bedrock-runtime.us-east-1.amazonaws.com/model/${encodeURIComponent(model)}/converse`,
      body: body.replace("fantasy", "horror"),
      headers: { "content-type": "application/json" },
      credentials,
      region: "us-east-1",
      datetime: "20261207T010203Z",
    });
    expect(other.authorization).not.toBe((await ours()).authorization);
  });
});
