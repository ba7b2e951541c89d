// The Vertex provider's lazy seam: error construction, loaded only when something failed
// (see ARCHITECTURE.md, "Lazy seams").

/** Token-exchange and missing-credential errors: loaded when they happen. */
export const failures = () => import("./failures.ts");
