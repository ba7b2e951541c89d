// The errors of Vertex AI's own steps (credentials, the token exchange). Vertex has no lazy seam of its own:
// these messages load with the provider, and the error classes and what a failed token exchange builds on (the API
// error mapping, network errors) come with http's `failures` seam, loaded only when one happens.
// Failed model calls use the Google or Anthropic provider's mapping.
import type { APIError } from "../../errors/api-error.ts";
import type { AuthenticationError } from "../../errors/authentication-error.ts";
import type { NetworkError } from "../../errors/network-error.ts";
import { failures } from "../../http/seams.ts";

/** The error for a Vertex call with neither credentials nor a proxy `baseURL`. */
export async function missingCredentials(provider: string): Promise<AuthenticationError> {
  return new (await failures()).AuthenticationError(
    "No Vertex AI credentials: pass client: { accessToken } (a token or a function returning one) or " +
      "client: { serviceAccountKey } (the JSON key file's contents), or a baseURL of a proxy that adds them.",
    { status: 0, provider, isRetryable: false },
  );
}

/** The `TypeError` for a Vertex call without a project (a setup mistake, not a failed request). */
export function missingProject(): TypeError {
  return new TypeError(
    "No Google Cloud project for Vertex AI: pass client: { project }, use a service-account key with project_id, " +
      "or set the GOOGLE_CLOUD_PROJECT environment variable.",
  );
}

/**
 * A failed token exchange: Google answers `{ error, error_description }` (RFC 6749 §5.2). A rejected
 * assertion or key (`invalid_grant`, `invalid_client`, `unauthorized_client`) is an
 * `AuthenticationError` whatever the status (Google uses 400); other failures map by status.
 */
export async function tokenError(response: Response, bodyText: string, secrets: readonly string[]): Promise<APIError> {
  const body = parseJson(bodyText);
  const code = typeof body?.error === "string" ? body.error : undefined;
  const description = typeof body?.error_description === "string" ? body.error_description : undefined;
  const rejected = code === "invalid_grant" || code === "invalid_client" || code === "unauthorized_client";
  const message = response.ok
    ? "The token endpoint answered without an access_token"
    : `Google's token endpoint refused the service-account key${description ? `: ${description}` : ""}`;
  const { apiErrorFromResponse, AuthenticationError } = await failures();
  const error = apiErrorFromResponse({ provider: "vertex", response, bodyText, message, code, secrets });
  if (!rejected && !response.ok) return error;
  return new AuthenticationError(
    `${message.replace(/\.$/, "")}. Check the key's client_email and private_key, that the key is not deleted, and the machine's clock.`,
    { status: response.status, provider: "vertex", body: error.body, code, isRetryable: false },
  );
}

/** The token endpoint could not be reached. */
export async function tokenNetworkError(url: string, cause: unknown, secrets: readonly string[]): Promise<NetworkError> {
  return (await failures()).networkFailure("vertex", url, cause, secrets);
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
