// The lazy seam of web-streams/ (ARCHITECTURE.md, "Lazy seams"): its only `import()`.

/** The errors of a bad or broken event stream (ParseError, NetworkError) and their messages: loaded when one happens. */
export const failures = () => import("./sse-errors.ts");
