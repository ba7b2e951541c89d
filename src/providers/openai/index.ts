/** The openai provider (in progress). */
export const PROVIDER_NAME = "openai";
