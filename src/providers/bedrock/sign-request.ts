import { AwsV4Signer } from "aws4fetch";
import type { AwsCredentials } from "./client.ts";

/** What to sign: the URL, the exact body text that will be sent, and the headers besides the signature's. */
export interface SignInput {
  url: string;
  body: string;
  headers: Record<string, string>;
  credentials: AwsCredentials;
  region: string;
  /** The signing time as `YYYYMMDDTHHMMSSZ` (default: now); fixed in tests. */
  datetime?: string;
}

/**
 * Signs a Bedrock Runtime POST with SigV4 (WebCrypto, through aws4fetch) exactly as the AWS SDK's
 * `@smithy/signature-v4` does, which a conformance test checks: the service is "bedrock" (aws4fetch
 * would guess "bedrock-runtime" from the host), every header is signed (aws4fetch leaves
 * `content-type` out by default), and `x-amz-content-sha256` carries the body's SHA-256 as the SDK
 * sends it. The path must hold the model id already `encodeURIComponent`-ed; it is encoded once
 * more for the canonical request, as AWS requires for every service but S3.
 * Returns the headers to send: the given ones plus `x-amz-date`, `x-amz-security-token` and `authorization`.
 */
export async function signRequest(input: SignInput): Promise<Record<string, string>> {
  const headers = { ...input.headers, "x-amz-content-sha256": await sha256Hex(input.body) };
  const signer = new AwsV4Signer({
    method: "POST",
    url: input.url,
    headers,
    body: input.body,
    accessKeyId: input.credentials.accessKeyId,
    secretAccessKey: input.credentials.secretAccessKey,
    sessionToken: input.credentials.sessionToken,
    service: "bedrock",
    region: input.region,
    datetime: input.datetime,
    allHeaders: true,
  });
  const signed = await signer.sign();
  const out: Record<string, string> = {};
  signed.headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  let hex = "";
  for (const byte of digest) hex += byte.toString(16).padStart(2, "0");
  return hex;
}
