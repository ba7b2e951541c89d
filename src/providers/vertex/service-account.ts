/**
 * A Google Cloud service-account key, as the JSON key file holds it (the fields used here; the file
 * has more). Keep it server-side: a Worker secret binding, never a browser page.
 */
export interface ServiceAccountKey {
  /** The account's email: the JWT issuer. */
  client_email: string;
  /** The PKCS #8 private key in PEM ("-----BEGIN PRIVATE KEY-----…"). */
  private_key: string;
  /** Which of the account's keys signed (sent as the JWT's `kid`). */
  private_key_id?: string;
  /** Where the JWT is exchanged for an access token (default `https://oauth2.googleapis.com/token`). */
  token_uri?: string;
  /** The project the account belongs to: the default Vertex AI project. */
  project_id?: string;
  type?: string;
}

/** A key given as the key file's JSON text or as the parsed object; a key without an email or a private key throws a `TypeError`. */
export function parseServiceAccountKey(key: ServiceAccountKey | string): ServiceAccountKey {
  let parsed: unknown = key;
  if (typeof key === "string") {
    try {
      parsed = JSON.parse(key);
    } catch {
      // Never quote the text: it holds the private key.
      throw new TypeError("serviceAccountKey is not valid JSON: pass the service-account key file's contents or its parsed object.");
    }
  }
  const account = parsed as Partial<ServiceAccountKey> | null;
  if (typeof account?.client_email !== "string" || typeof account.private_key !== "string") {
    throw new TypeError("serviceAccountKey needs client_email and private_key: pass the JSON key file of a service account.");
  }
  return account as ServiceAccountKey;
}
