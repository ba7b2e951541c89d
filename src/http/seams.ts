// The lazy seam of http/ (and of core/'s failures): the floor's one `import()`, named for the feature it
// gates (ARCHITECTURE.md, "Lazy seams"). A call that succeeds never loads it.

/**
 * Error building and messages, the retry loop, and reading an error body: loaded when a request, a
 * body or a limit fails.
 */
export const failures = () => import("./failures.ts");
