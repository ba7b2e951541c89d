/**
 * The forms of the proxy's keys that must never reach a client: each key, and its base64 encodings
 * (a provider echoing a `Basic` credential or a token that embeds it). Base64 depends on the key's
 * offset in the encoded text, so each of the three alignments contributes the run of characters
 * that only the key's bytes determine; masked copies (`sk-…****abcd`) are caught by `redactSecrets`.
 */
export function proxySecrets(keys: readonly (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const key of keys) {
    if (!key) continue;
    out.push(key);
    const bytes = new TextEncoder().encode(key);
    for (let offset = 0; offset < 3; offset++) {
      const padded = new Uint8Array(offset + bytes.length);
      padded.set(bytes, offset);
      let binary = "";
      for (const byte of padded) binary += String.fromCharCode(byte);
      const encoded = btoa(binary).replace(/=+$/, "");
      // Characters mixing pad bits (at the start) or what follows the key (at the end) are dropped.
      const inner = encoded.slice(Math.ceil((offset * 8) / 6), encoded.length - 2);
      for (const form of [inner, inner.replace(/\+/g, "-").replace(/\//g, "_")])
        if (form.length >= 16 && !out.includes(form)) out.push(form);
    }
  }
  return out;
}
