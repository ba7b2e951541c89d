// The core's lazy seams: each `import()` of core/ and its wings is here, once, named for the feature
// it gates (ARCHITECTURE.md, "Lazy seams"). A module a seam loads never sits in a plain call's path.

/** Running tool calls (`executeTools()`): loaded the first time a program runs its tools. */
export const tools = () => import("./tools/tool-use.ts");

/** Partial tools (`stream: { partialTools: true }`): loaded once by a stream that asks for them. */
export const partialTools = () => import("./tools/partial-tools.ts");
