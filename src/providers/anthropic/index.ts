/** The anthropic provider (in progress). */
export const PROVIDER_NAME = "anthropic";
