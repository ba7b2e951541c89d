import { knownSecrets } from "../../errors/known-secrets.ts";
import { PromptcallError } from "../../errors/index.ts";
import { redactError } from "../../errors/redact-secrets.ts";

/**
 * Where a failing middleware is reported: `console.error`, once per middleware and call. The error is
 * the middleware's own (an exporter's, say), so the keys the library has used are redacted from it; a
 * promptcall error was redacted when it was built. (Importing the errors barrel keeps the redaction in
 * the error classes' chunk: see ARCHITECTURE.md, "Lazy seams".)
 */
export function reportMiddlewareError(name: string, hook: string, error: unknown): void {
  console.error(
    `promptcall: middleware "${name}" threw in ${hook}; it is skipped for the rest of this call (the call goes on).`,
    PromptcallError.isInstance(error) ? error : redactError(error, knownSecrets()),
  );
}
