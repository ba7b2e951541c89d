import { AuthenticationError } from "../../errors/authentication-error.ts";

/** The error for a call without a Gemini API key (imported only then, with its message). */
export function missingKeyError(): AuthenticationError {
  return new AuthenticationError(
    "No Gemini API key: pass client: { apiKey } or set the GEMINI_API_KEY (or GOOGLE_API_KEY) environment " +
      "variable. In browsers and Workers there is no environment: pass the key, or a baseURL of a proxy that adds it.",
    { status: 0, provider: "google", isRetryable: false },
  );
}
