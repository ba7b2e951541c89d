import type { BuildOptions } from "esbuild";

/** The esbuild settings every size measurement uses (see bundle-options.mjs). */
export declare const BROWSER_BUNDLE: Readonly<BuildOptions & { metafile: true; splitting: true; bundle: true }>;
