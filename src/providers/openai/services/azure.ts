import { PromptcallError } from "../../../errors/promptcall-error.ts";
import { fromSettings, type OpenAICompatibleProvider } from "./compatible-provider.ts";
import { openaiSupportsJsonSchema } from "../supports-json-schema.ts";

/**
 * The default Azure OpenAI data-plane API version (the latest GA inference version listed in
 * https://learn.microsoft.com/en-us/azure/ai-services/openai/reference ; pass `apiVersion` for newer ones).
 */
export const AZURE_OPENAI_API_VERSION = "2024-10-21";

/** Where an Azure OpenAI deployment lives. */
export interface AzureOpenAIOptions {
  /** The resource name: the endpoint becomes `https://{resourceName}.openai.azure.com`. */
  resourceName?: string;
  /** The full endpoint, e.g. `https://my-resource.openai.azure.com` (instead of `resourceName`). */
  endpoint?: string;
  /** The deployment name (part of the URL). */
  deployment: string;
  /** The `api-version` query parameter (default {@link AZURE_OPENAI_API_VERSION}). */
  apiVersion?: string;
  /** The key; defaults to `AZURE_OPENAI_API_KEY`. Sent as the `api-key` header. */
  apiKey?: string;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

/**
 * Azure OpenAI: Chat Completions at `{endpoint}/openai/deployments/{deployment}/chat/completions?api-version=…`
 * (and `api: "responses"` at `{endpoint}/openai/responses?api-version=…`), with the key in an `api-key`
 * header (https://learn.microsoft.com/en-us/azure/ai-services/openai/reference). The provider name is "azure".
 *
 * @example
 * const azure = azureOpenAI({ resourceName: "acme", deployment: "gpt-4o-mini" });
 * const ask = azure.call({ model: "gpt-4o-mini" }, (q: string) => q);
 */
export function azureOpenAI(options: AzureOpenAIOptions): OpenAICompatibleProvider {
  const endpoint = options.endpoint ?? (options.resourceName ? `https://${options.resourceName}.openai.azure.com` : undefined);
  if (!endpoint) {
    throw new PromptcallError("azureOpenAI needs `resourceName` or `endpoint` (e.g. https://my-resource.openai.azure.com).");
  }
  const version = encodeURIComponent(options.apiVersion ?? AZURE_OPENAI_API_VERSION);
  const deployment = encodeURIComponent(options.deployment);
  return fromSettings(
    {
      name: "azure",
      baseURL: endpoint.replace(/\/+$/, ""),
      apiKeyEnv: "AZURE_OPENAI_API_KEY",
      requiresApiKey: true,
      auth: "api-key",
      headers: options.headers,
      url: (base, path) =>
        path === "responses"
          ? `${base}/openai/responses?api-version=${version}`
          : `${base}/openai/deployments/${deployment}/chat/completions?api-version=${version}`,
      supportsJsonSchema: openaiSupportsJsonSchema,
    },
    options.apiKey,
  );
}
