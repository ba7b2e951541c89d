// The virtual module build.mjs provides: the chat page and its bundled script, inlined as text.
declare module "virtual:browser-assets" {
  /** examples/browser/index.html */
  export const indexHtml: string;
  /** examples/browser/app.ts bundled for browsers (served as /app.js) */
  export const appJs: string;
}
