// The Google provider's lazy seams: each `import()` of the provider is here, once, named for the
// feature it gates (see src/providers/README.md).

/** Error mapping and messages: loaded when a call fails. */
export const failures = () => import("./failures.ts");

/** Message conversion beyond plain text, and the `responseModel` request options. */
export const requestExtras = () => import("./request-extras.ts");
