import type { ClientOptions } from "../../http/client-options.ts";
import { readEnv } from "../../http/env.ts";
import { serviceAccountToken } from "./access-token.ts";
import { locationPath, vertexBaseURL } from "./endpoint.ts";
import { parseServiceAccountKey, type ServiceAccountKey } from "./service-account.ts";
import { missingCredentials, missingProject } from "./failures.ts";

/** How the Vertex provider reaches Vertex AI. Credentials: `accessToken` or `serviceAccountKey`. */
export interface VertexClientOptions extends ClientOptions {
  /** The Google Cloud project; defaults to the key's `project_id`, then `GOOGLE_CLOUD_PROJECT`. */
  project?: string;
  /** A region such as "us-central1", or "global"; defaults to `GOOGLE_CLOUD_LOCATION`, then "global". */
  location?: string;
  /** An OAuth 2.0 access token (e.g. `gcloud auth print-access-token`), or a function returning one per request. */
  accessToken?: string | (() => string | Promise<string>);
  /** A service-account key (the JSON key file's text or object): its JWT is signed with WebCrypto and exchanged for a cached token. */
  serviceAccountKey?: ServiceAccountKey | string;
  /** The API root instead of `https://{location}-aiplatform.googleapis.com/v1`, e.g. a proxy; `/projects/…` is appended. */
  baseURL?: string;
}

/** A resolved client: the location's root URL, the auth header, and the values to redact. */
export interface ResolvedVertexClient {
  /** `{baseURL}/projects/{project}/locations/{location}`. */
  root: string;
  /** `authorization: Bearer …`, or nothing for a proxy `baseURL` without credentials. */
  auth: Record<string, string>;
  secrets: string[];
}

/**
 * Resolves project, location and credentials. A call without credentials is an
 * `AuthenticationError` before any request, unless a `baseURL` (a proxy holding them) is set.
 */
export async function resolveVertexClient(
  client: VertexClientOptions,
  provider: string,
  signal?: AbortSignal,
): Promise<ResolvedVertexClient> {
  const key = client.serviceAccountKey === undefined ? undefined : parseServiceAccountKey(client.serviceAccountKey);
  const project = client.project ?? key?.project_id ?? readEnv("GOOGLE_CLOUD_PROJECT");
  if (!project) throw missingProject();
  const location = client.location ?? readEnv("GOOGLE_CLOUD_LOCATION") ?? "global";
  const root = locationPath(client.baseURL ?? vertexBaseURL(location), project, location);
  const token = await accessToken(client, key, signal);
  if (token === undefined && client.baseURL === undefined) throw await missingCredentials(provider);
  return token ? { root, auth: { authorization: `Bearer ${token}` }, secrets: [token] } : { root, auth: {}, secrets: [] };
}

async function accessToken(
  client: VertexClientOptions,
  key: ServiceAccountKey | undefined,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const given = client.accessToken;
  if (typeof given === "function") return await given();
  if (given !== undefined) return given;
  return key ? serviceAccountToken(key, { fetch: client.fetch, signal }) : undefined;
}
