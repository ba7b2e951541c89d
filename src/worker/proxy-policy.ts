/** What a request may ask of the proxy, beyond its model. */
export interface ProxyLimits {
  maxTokens: number;
  maxChoices: number;
}

/** The defaults of {@link ProxyLimits}. */
export const DEFAULT_PROXY_LIMITS: ProxyLimits = { maxTokens: 32_768, maxChoices: 1 };

const TOKEN_FIELDS = ["max_tokens", "max_completion_tokens", "max_output_tokens", "maxOutputTokens"];
const CHOICE_FIELDS = ["n", "candidateCount"];

/** Whether `rest` (a path after the provider segment) is one of `endpoints`, where `{model}` matches a model name. */
export function isAllowedEndpoint(rest: string, endpoints: readonly string[]): boolean {
  return endpoints.some((pattern) => {
    const parts = pattern.split("{model}").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    return new RegExp(`^${parts.join("[^/:]+")}$`).test(rest);
  });
}

/**
 * The first limit a request body asks to exceed, as a message, or undefined: output-token fields
 * (OpenAI, Anthropic, Gemini's `generationConfig`) over `maxTokens`, choice counts over `maxChoices`.
 */
export function exceededLimit(body: unknown, limits: ProxyLimits): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const root = body as Record<string, unknown>;
  const config =
    typeof root.generationConfig === "object" && root.generationConfig !== null ? (root.generationConfig as Record<string, unknown>) : {};
  for (const source of [root, config]) {
    for (const field of TOKEN_FIELDS)
      if (over(source[field], limits.maxTokens)) return `${field} ${source[field]} exceeds this proxy's limit of ${limits.maxTokens}`;
    for (const field of CHOICE_FIELDS)
      if (over(source[field], limits.maxChoices)) return `${field} ${source[field]} exceeds this proxy's limit of ${limits.maxChoices}`;
  }
  return undefined;
}

function over(value: unknown, limit: number): boolean {
  return typeof value === "number" && !(value <= limit);
}
