/** The page's script (examples/browser/app.ts) bundled for browsers. */
export function bundleBrowserApp(options?: { minify?: boolean }): Promise<string>;
/** The Worker (examples/worker/worker.ts) with the page inlined, as an ES module script for workerd. */
export function bundleWorker(options?: { minify?: boolean }): Promise<string>;
