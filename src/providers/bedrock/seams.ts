// The Bedrock provider's lazy seam: its one `import()` (see src/providers/README.md). Bedrock's failures
// (error mapping and messages) and request extras load together, as one chunk: Bedrock runs where its
// SigV4 credentials may live (a server or a Worker, never a page), so a kilobyte loaded lazily with a
// failure or a tool turn costs less than another `import()` site in src/ (at most 20).

/** Message conversion beyond plain text (content parts, tool calls and results, neutral histories), and the failures below. */
export const requestExtras = () => import("./request-extras.ts");

/** Error mapping and messages: loaded when a call fails (one chunk with the request extras). */
export const failures = requestExtras;
