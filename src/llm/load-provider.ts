import type { ProviderLike, ProviderName } from "./provider-like.ts";
import { registeredProvider } from "./registry.ts";

// One dynamic import per provider entry keeps providers a program never names out of its initial
// bundle; the OpenAI-compatible presets come with the OpenAI entry.
// OpenAI's goes through openai-entry.ts (see there). A new OpenAI-compatible preset is added in
// services/preset-options.ts, services/presets.ts, openai-entry.ts and the loaders below.
const openaiEntry = () => import("./openai-entry.ts");

const loaders: Record<ProviderName, () => Promise<ProviderLike>> = {
  openai: async () => (await openaiEntry()).openai,
  anthropic: async () => (await import("../providers/anthropic/index.ts")).anthropic,
  google: async () => (await import("../providers/google/index.ts")).google,
  bedrock: async () => (await import("../providers/bedrock/index.ts")).bedrock,
  // Gemini or Claude on Vertex AI, picked per call by the model id.
  vertex: async () => {
    const { vertexForModel } = await import("../providers/vertex/index.ts");
    return { name: "vertex", call: (options, fn) => (vertexForModel(String(options.model)) as ProviderLike).call(options, fn) };
  },
  // The presets of `promptcall/openai` (src/providers/openai/services/presets.ts).
  groq: async () => (await openaiEntry()).groq,
  xai: async () => (await openaiEntry()).xai,
  deepseek: async () => (await openaiEntry()).deepseek,
  openrouter: async () => (await openaiEntry()).openrouter,
  together: async () => (await openaiEntry()).together,
  mistral: async () => (await openaiEntry()).mistral,
  ollama: async () => (await openaiEntry()).ollama,
};

/** Every provider name `llm` knows without registration. */
export const BUILT_IN_PROVIDERS = Object.keys(loaders) as ProviderName[];

const isKnown = (name: string): boolean => registeredProvider(name) !== undefined || Object.hasOwn(loaders, name);

/** Splits `"anthropic/claude-haiku-4-5"` into provider and model when no provider is given. */
export function resolveTarget(
  provider: string | ProviderLike | undefined,
  model: string,
): { provider: string | ProviderLike; model: string } {
  if (provider) return { provider, model };
  const slash = model.indexOf("/");
  const name = slash > 0 ? model.slice(0, slash) : "";
  if (name && isKnown(name)) return { provider: name, model: model.slice(slash + 1) };
  throw new TypeError(
    `llm.call needs a provider: pass { provider: "openai" | "anthropic" | … } or a provider object, or write the model as ` +
      `"provider/model" with a built-in provider (${BUILT_IN_PROVIDERS.join(", ")}) or one added with llm.registerProvider (got "${model}").`,
  );
}

/** Loads a provider by name (registered ones first), or returns the given provider object. */
export async function loadProvider(provider: string | ProviderLike): Promise<ProviderLike> {
  if (typeof provider !== "string") return provider;
  const registered = registeredProvider(provider);
  if (registered) return registered;
  if (!Object.hasOwn(loaders, provider)) {
    throw new TypeError(
      `Unknown provider "${provider}": use one of ${BUILT_IN_PROVIDERS.join(", ")}, register it with llm.registerProvider, or pass a provider object.`,
    );
  }
  return loaders[provider as ProviderName]();
}

/** The display name of a provider. */
export function providerName(provider: string | ProviderLike): string {
  return typeof provider === "string" ? provider : (provider.name ?? "custom");
}
