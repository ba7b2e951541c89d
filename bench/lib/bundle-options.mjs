// The esbuild settings every size measurement uses, as an app's browser bundler would: bundle,
// minify, ESM, browser platform, and code splitting so that `import()`s stay lazy. Shared by
// bench/lib/size.mjs and the main suite's size budgets (test/node/size-budget.test.ts), so that both
// measure the same thing.
export const BROWSER_BUNDLE = Object.freeze({
  bundle: true,
  splitting: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  metafile: true,
  logLevel: "silent",
});
