import type { BaseDynamicConfig } from "./dynamic-config.ts";

/** What a prompt function returns: a string, a message array, or a dynamic config. */
export type Prompt<MessageParam = unknown> = string | readonly MessageParam[] | BaseDynamicConfig<MessageParam>;

/** A prompt normalised to messages plus the dynamic config's settings. */
export interface NormalizedPrompt {
  messages: unknown[];
  config: BaseDynamicConfig;
}

/** Reads a prompt function's return value. */
export function normalizePrompt(prompt: unknown): NormalizedPrompt {
  if (typeof prompt === "string") return { messages: [{ role: "user", content: prompt }], config: {} };
  if (Array.isArray(prompt)) return { messages: [...prompt], config: {} };
  if (typeof prompt === "object" && prompt !== null) {
    // Any other object is a dynamic config: its fields are read one by one and each is optional.
    const config: BaseDynamicConfig = prompt;
    const m = config.messages;
    const messages = typeof m === "string" ? [{ role: "user", content: m }] : m ? [...m] : [];
    return { messages, config };
  }
  throw new TypeError(
    `A prompt function returned ${prompt === null ? "null" : typeof prompt}: return a string, messages, or a dynamic config.`,
  );
}
