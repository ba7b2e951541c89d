import { AuthenticationError } from "../../errors/authentication-error.ts";
import type { OpenAIProviderSettings } from "./provider-settings.ts";

/** The error for a call to the provider's own API with no key (imported only then). */
export function missingKey(settings: OpenAIProviderSettings): AuthenticationError {
  const env = settings.apiKeyEnv ? ` or set the ${settings.apiKeyEnv} environment variable` : "";
  return new AuthenticationError(
    `No ${settings.name} API key: pass client: { apiKey }${env}. In browsers and Workers there is no ` +
      "environment: pass the key from a secret binding, or a baseURL of a proxy that adds it.",
    { status: 0, provider: settings.name, isRetryable: false },
  );
}
