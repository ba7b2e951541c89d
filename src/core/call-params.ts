/** Provider call parameters (temperature, max tokens, …). Providers narrow this with their own type. */
export type BaseCallParams = Record<string, unknown>;
