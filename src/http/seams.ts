// The lazy seams of http/ (and of core/'s failures): each `import()` of the floor is here, once, named
// for the feature it gates (ARCHITECTURE.md, "Lazy seams"). A call that succeeds loads neither.

/** Error building and messages, and the retry loop: loaded when a request, a body or a limit fails. */
export const failures = () => import("./failures.ts");

/** Reading a whole body as text (a non-streaming answer, an error body): loaded by the first one. */
export const bodyText = () => import("./read-text.ts");
