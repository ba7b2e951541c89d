// The core's lazy seams: each `import()` of core/ and its wings is here, once, named for the feature
// it gates (ARCHITECTURE.md, "Lazy seams"). A module a seam loads never sits in a plain call's path.

/** Tool calls beyond declaring tools: parsing their arguments, approval, running them (`executeTools()`), partial tools. */
export const tools = () => import("./tools/tool-use.ts");

/** Structured outputs (`responseModel`): loaded by the first call that has one. */
export const structured = () => import("./structured/structured-call.ts");

/** Middleware hooks: loaded by the first call that has middleware (registered or in its options). */
export const middleware = () => import("./middleware/call-hooks.ts");
