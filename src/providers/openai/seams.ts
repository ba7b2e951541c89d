// The OpenAI provider's lazy seams: each `import()` of the provider is here, once, named for the
// feature it gates (see src/providers/README.md).

/** Error mapping and messages: loaded when a call fails. */
export const failures = () => import("./failures.ts");

/** Message conversion beyond plain text, structured outputs, strict tools, reasoning-details streams: loaded by calls that use them. */
export const requestExtras = () => import("./request-extras.ts");

/** The Responses API (`api: "responses"`): its own request, chunks, response and stream. */
export const responses = () => import("./responses/index.ts");

/** The OpenAI-compatible presets' price tables: loaded by a preset's first call. */
export const presetPrices = () => import("./services/prices.ts");
