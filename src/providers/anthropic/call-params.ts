import type { AnthropicThinkingConfig, AnthropicToolChoice, AnthropicToolParam } from "./api.ts";

/**
 * Anthropic call parameters, named as the Messages API names them
 * (https://docs.anthropic.com/en/api/messages). `max_tokens` defaults per model when omitted.
 */
export type AnthropicCallParams = {
  /** The most tokens to generate (required by the API; defaulted per model here). */
  max_tokens?: number;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  stop_sequences?: string[];
  tool_choice?: AnthropicToolChoice;
  /**
   * Native tool params sent after the call's defined tools: server tools such as
   * `{ type: "web_search_20250305", name: "web_search", max_uses: 5 }`, run by Anthropic.
   */
  tools?: (AnthropicToolParam | Record<string, unknown>)[];
  /** Extended thinking, e.g. `{ type: "enabled", budget_tokens: 2048 }`. */
  thinking?: AnthropicThinkingConfig;
  metadata?: { user_id?: string };
  service_tier?: "auto" | "standard_only";
};
