// Builds the example Worker into one ES module: the page (examples/browser/index.html) and its
// script (examples/browser/app.ts, bundled for the browser) are inlined through the virtual module
// "virtual:browser-assets". `promptcall` resolves as it would for a user: here, inside the
// repository, to the package's own dist/ (run `npm run build` first).
//
//   node examples/worker/build.mjs      → examples/worker/dist/worker.js (what wrangler.toml deploys)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const browserDir = join(here, "..", "browser");

async function bundle(options) {
  try {
    const result = await build({ bundle: true, write: false, format: "esm", target: "es2022", logLevel: "silent", ...options });
    return result.outputFiles[0].text;
  } catch (error) {
    const hint = /promptcall/.test(String(error?.message))
      ? "\n(Inside the promptcall repository, run `npm run build` first: the examples use dist/.)"
      : "";
    throw new Error(`Bundling ${options.entryPoints[0]} failed: ${error?.message ?? error}${hint}`);
  }
}

/** The page's script (examples/browser/app.ts) bundled for browsers. */
export function bundleBrowserApp({ minify = true } = {}) {
  return bundle({ entryPoints: [join(browserDir, "app.ts")], platform: "browser", minify });
}

/** The Worker (examples/worker/worker.ts) with the page inlined, as an ES module script for workerd. */
export async function bundleWorker({ minify = false } = {}) {
  const assets = { indexHtml: readFileSync(join(browserDir, "index.html"), "utf8"), appJs: await bundleBrowserApp() };
  const browserAssets = {
    name: "browser-assets",
    setup(b) {
      b.onResolve({ filter: /^virtual:browser-assets$/ }, (args) => ({ path: args.path, namespace: "browser-assets" }));
      b.onLoad({ filter: /.*/, namespace: "browser-assets" }, () => ({
        contents: Object.entries(assets)
          .map(([name, text]) => `export const ${name} = ${JSON.stringify(text)};`)
          .join("\n"),
        loader: "js",
      }));
    },
  };
  return bundle({
    entryPoints: [join(here, "worker.ts")],
    platform: "neutral",
    mainFields: ["module", "main"],
    conditions: ["workerd", "worker", "browser"],
    plugins: [browserAssets],
    minify,
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = join(here, "dist", "worker.js");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, await bundleWorker());
  console.log(`built ${out}`);
}
