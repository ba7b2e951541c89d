import type { GoogleGenerationConfig, GoogleGenerationSettings, GoogleSafetySetting, GoogleToolConfig, GoogleToolParam } from "./api.ts";

/**
 * Gemini call parameters. The generation settings are given flat (`temperature`, `maxOutputTokens`, …)
 * and sent as `generationConfig`; `generationConfig` itself may carry anything else the API accepts.
 * `safetySettings`, `toolConfig` and `cachedContent` go to the top of the request, and `tools` adds
 * built-in tools (e.g. `{ googleSearch: {} }`) beside the function declarations of the call's tools.
 *
 * @example { temperature: 0.2, maxOutputTokens: 512, thinkingConfig: { thinkingBudget: 0 } }
 */
export interface GoogleCallParams extends GoogleGenerationSettings {
  /** Any other generation setting; the flat fields above are merged over it. */
  generationConfig?: GoogleGenerationConfig;
  safetySettings?: GoogleSafetySetting[];
  /** e.g. `{ functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["get_weather"] } }`. */
  toolConfig?: GoogleToolConfig;
  /** A cached content name (`cachedContents/…`) to use as the prompt prefix. */
  cachedContent?: string;
  /** Built-in tools sent beside the function declarations, e.g. `{ googleSearch: {} }`. */
  tools?: GoogleToolParam[];
  [key: string]: unknown;
}

const TOP_LEVEL = new Set(["generationConfig", "safetySettings", "toolConfig", "cachedContent", "tools"]);

/** Splits call params into the request's top-level fields and its `generationConfig`. */
export function splitCallParams(params: GoogleCallParams): {
  generationConfig: GoogleGenerationConfig;
  safetySettings?: GoogleSafetySetting[];
  toolConfig?: GoogleToolConfig;
  cachedContent?: string;
  tools: GoogleToolParam[];
} {
  const generationConfig: GoogleGenerationConfig = { ...params.generationConfig };
  for (const [key, value] of Object.entries(params)) {
    if (!TOP_LEVEL.has(key) && value !== undefined) generationConfig[key] = value;
  }
  return {
    generationConfig,
    safetySettings: params.safetySettings,
    toolConfig: params.toolConfig,
    cachedContent: params.cachedContent,
    tools: params.tools ?? [],
  };
}
