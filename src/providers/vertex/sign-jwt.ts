// A service account's JWT, signed with WebCrypto in the runtime (RS256 = RSASSA-PKCS1-v1_5 with
// SHA-256, RFC 7518 §3.3). Plain `crypto.subtle` instead of a JWT library: the few lines below are
// all a Google assertion needs (jose's importPKCS8 + SignJWT is about 6 KB gzip in a bundle).
import { bytesToBase64 } from "../../core/base64.ts";
import { rememberSecrets } from "../../errors/known-secrets.ts";

/** The claims of a Google OAuth 2.0 JWT assertion (https://developers.google.com/identity/protocols/oauth2/service-account). */
export interface JwtClaims {
  iss: string;
  scope: string;
  aud: string;
  iat: number;
  exp: number;
  sub?: string;
}

/** Base64url without padding (RFC 7515 §2). */
export function base64url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The DER bytes of a PEM "PRIVATE KEY" (PKCS #8), as a service account's `private_key` holds it. */
export function pemToDer(pem: string): Uint8Array<ArrayBuffer> {
  // Key files stored in environment variables often carry literal "\n" sequences: accept both.
  const body = pem
    .replace(/\\n/g, "\n")
    .replace(/-----(BEGIN|END) [A-Z ]+-----/g, "")
    .replace(/\s+/g, "");
  const binary = atob(body);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Imports a PKCS #8 PEM private key for RS256 signing. */
export function importPrivateKey(pem: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("pkcs8", pemToDer(pem), { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["sign"]);
}

/** A compact JWS `header.payload.signature` of `claims`, signed RS256 with `key`; `keyId` becomes the header's `kid`. */
export async function signJwt(claims: JwtClaims, key: CryptoKey, keyId?: string): Promise<string> {
  const encoder = new TextEncoder();
  const header = keyId ? { alg: "RS256", typ: "JWT", kid: keyId } : { alg: "RS256", typ: "JWT" };
  const input = `${base64url(encoder.encode(JSON.stringify(header)))}.${base64url(encoder.encode(JSON.stringify(claims)))}`;
  const signature = base64url(new Uint8Array(await crypto.subtle.sign("RSASSA-PKCS1-v1_5", key, encoder.encode(input))));
  // The signed assertion is a credential (it buys an access token): no error may show it or its signature.
  rememberSecrets([`${input}.${signature}`, signature]);
  return `${input}.${signature}`;
}
