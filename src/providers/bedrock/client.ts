import type { ClientOptions } from "../../http/client-options.ts";
import { readEnv } from "../../http/env.ts";
import { failures } from "./seams.ts";

/** The environment variables read when the options leave a value out. */
export const BEDROCK_ENV = {
  accessKeyId: "AWS_ACCESS_KEY_ID",
  secretAccessKey: "AWS_SECRET_ACCESS_KEY",
  sessionToken: "AWS_SESSION_TOKEN",
  region: "AWS_REGION",
  apiKey: "AWS_BEARER_TOKEN_BEDROCK",
} as const;

/** How the Bedrock provider reaches Bedrock Runtime. */
export interface BedrockClientOptions extends ClientOptions {
  /** The AWS region, e.g. "us-east-1" (default: `AWS_REGION`, then `AWS_DEFAULT_REGION`). */
  region?: string;
  /** The endpoint instead of `https://bedrock-runtime.{region}.amazonaws.com` (a VPC endpoint, a proxy); `baseURL` is the same. */
  endpoint?: string;
  /** AWS credentials for SigV4 (default: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`). */
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  /**
   * An Amazon Bedrock API key, sent as `Authorization: Bearer` instead of a SigV4 signature
   * (default: `AWS_BEARER_TOKEN_BEDROCK`; https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-use.html).
   */
  apiKey?: string;
}

/** AWS credentials for SigV4. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** A resolved client: the endpoint, the region, and how requests are authorised. */
export interface ResolvedBedrockClient {
  endpoint: string;
  region: string;
  /** SigV4 credentials, or undefined with an API key or for a proxy `endpoint` that signs itself. */
  credentials?: AwsCredentials;
  apiKey?: string;
  /** Extra headers (lower-cased names). */
  headers: Record<string, string>;
  /** Values that must never appear in an error. */
  secrets: string[];
}

/**
 * Resolves region, endpoint and credentials from the options, then the environment (Node and Deno;
 * browsers and Workers have none: pass them). Options win field by field, except that credentials
 * are taken whole from one place, never an access key from one and its secret from another.
 * Without credentials or an API key only a custom `endpoint` (a proxy that signs) is allowed.
 */
export async function resolveBedrockClient(client: BedrockClientOptions = {}): Promise<ResolvedBedrockClient> {
  const custom = client.endpoint ?? client.baseURL;
  const apiKey = client.apiKey ?? (client.accessKeyId ? undefined : readEnv(BEDROCK_ENV.apiKey));
  const credentials = apiKey ? undefined : readCredentials(client);
  const region = client.region ?? readEnv(BEDROCK_ENV.region) ?? readEnv("AWS_DEFAULT_REGION") ?? regionOf(custom);
  // The errors and their messages load only when they are needed.
  if (!custom && !region) throw (await failures()).missingRegion();
  if (!apiKey && !credentials && !custom) throw (await failures()).missingCredentials();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(client.headers ?? {})) headers[name.toLowerCase()] = value;
  const secrets = [apiKey, credentials?.secretAccessKey, credentials?.sessionToken].filter((s): s is string => !!s);
  return {
    endpoint: (custom ?? `https://bedrock-runtime.${region}.amazonaws.com`).replace(/\/+$/, ""),
    region: region ?? "us-east-1",
    credentials,
    apiKey,
    headers,
    secrets,
  };
}

function readCredentials(client: BedrockClientOptions): AwsCredentials | undefined {
  if (client.accessKeyId || client.secretAccessKey) {
    if (!client.accessKeyId || !client.secretAccessKey) return undefined;
    return { accessKeyId: client.accessKeyId, secretAccessKey: client.secretAccessKey, sessionToken: client.sessionToken };
  }
  const accessKeyId = readEnv(BEDROCK_ENV.accessKeyId);
  const secretAccessKey = readEnv(BEDROCK_ENV.secretAccessKey);
  if (!accessKeyId || !secretAccessKey) return undefined;
  return { accessKeyId, secretAccessKey, sessionToken: readEnv(BEDROCK_ENV.sessionToken) };
}

/** The region in a `bedrock-runtime.{region}.amazonaws.com` endpoint. */
function regionOf(endpoint: string | undefined): string | undefined {
  return endpoint ? /bedrock-runtime(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com/.exec(endpoint)?.[1] : undefined;
}
