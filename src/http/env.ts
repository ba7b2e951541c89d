/** Where `readEnv` looks: the global object, or a stand-in in tests. */
export interface EnvHost {
  process?: { env?: Record<string, string | undefined> };
  Deno?: { env?: { get(name: string): string | undefined } };
}

/**
 * Reads an environment variable (for API keys) where the runtime has one: Node's `globalThis.process.env`,
 * then `Deno.env`. Returns undefined in browsers and Workers, for empty values, and where reading
 * is not permitted (Deno without --allow-env throws; that is caught).
 */
export function readEnv(name: string, host: EnvHost = globalThis as unknown as EnvHost): string | undefined {
  try {
    const value = host.process?.env?.[name];
    if (typeof value === "string" && value !== "") return value;
  } catch {
    // A locked-down `process` shim; fall through to Deno.
  }
  try {
    const value = host.Deno?.env?.get(name);
    if (typeof value === "string" && value !== "") return value;
  } catch {
    // Deno without --allow-env.
  }
  return undefined;
}
