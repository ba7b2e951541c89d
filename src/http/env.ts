/** Where `readEnv` looks: the global object, or a stand-in in tests. */
export interface EnvHost {
  process?: { env?: Record<string, string | undefined> };
  Deno?: {
    env?: { get(name: string): string | undefined };
    permissions?: { querySync?(descriptor: { name: "env"; variable: string }): { state: string } };
  };
}

/**
 * Reads an environment variable (for API keys) where the runtime has one: Node's `globalThis.process.env`,
 * then `Deno.env`. Returns undefined in browsers and Workers, for empty values, and where reading
 * is not permitted (in Deno, only a variable whose permission is already granted is read, so it never prompts).
 */
export function readEnv(name: string, host: EnvHost = globalThis as unknown as EnvHost): string | undefined {
  try {
    const value = host.process?.env?.[name];
    if (typeof value === "string" && value !== "") return value;
  } catch {
    // A locked-down `process` shim; fall through to Deno.
  }
  try {
    const deno = host.Deno;
    // Without --allow-env, Deno.env.get asks in a terminal; a library never prompts: read only
    // what is already granted (a Deno without querySync is not read).
    const granted = deno?.permissions?.querySync?.({ name: "env", variable: name }).state === "granted";
    const value = granted ? deno?.env?.get(name) : undefined;
    if (typeof value === "string" && value !== "") return value;
  } catch {
    // Deno without --allow-env.
  }
  return undefined;
}
