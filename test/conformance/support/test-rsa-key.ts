// A freshly generated RSA key (2048 bits, PKCS #1 v1.5 / SHA-256, as Google's service accounts use) and its
// private key as a PEM, for the Vertex service-account tests: no key file is checked in.

const RSA = { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" };

/** A new key pair and its private key in PEM form (64-character lines, as Google's key files hold it). */
export async function testRsaKey(): Promise<{ pair: CryptoKeyPair; pem: string }> {
  const pair = (await crypto.subtle.generateKey(RSA, true, ["sign", "verify"])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey("pkcs8", pair.privateKey));
  const lines = btoa(String.fromCharCode(...pkcs8)).match(/.{1,64}/g)!;
  return { pair, pem: `-----BEGIN PRIVATE KEY-----\n${lines.join("\n")}\n-----END PRIVATE KEY-----\n` };
}
