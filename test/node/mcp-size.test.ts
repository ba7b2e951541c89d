// Size ceiling of promptcall/mcp: the program of bench/mcp/promptcall.ts (connect, list every tool,
// call one, close) bundled for a page with the suite's esbuild settings (bench/lib/bundle-options.mjs),
// from the sources. The chunks the entry loads up front are gzipped one by one (level 9). Set just
// above the size measured when the client was written (7,032 B); the official SDK client is 89.4 KB
// for the same program (bench/mcp/compare.mjs, docs/mcp.md).
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { BROWSER_BUNDLE } from "../../bench/lib/bundle-options.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const CEILING = 7_600;

describe("promptcall/mcp size", () => {
  it(`loads at most ${CEILING} B gzip up front, without provider or schema-library code`, async () => {
    const outdir = join(tmpdir(), `promptcall-mcp-size-${process.pid}`);
    try {
      const result = await build({
        ...BROWSER_BUNDLE,
        entryPoints: { app: join(root, "bench/mcp/promptcall.ts") },
        outdir,
        absWorkingDir: root,
        alias: { "promptcall/mcp": join(root, "src/mcp/index.ts") },
      });
      const gzip = [...staticClosure(outdir, "app.js")].reduce(
        (sum, chunk) => sum + gzipSync(readFileSync(join(outdir, chunk)), { level: 9 }).length,
        0,
      );
      expect(gzip).toBeLessThanOrEqual(CEILING);
      const inputs = Object.values(result.metafile.outputs).flatMap((m) => Object.keys(m.inputs));
      expect(inputs.filter((path) => /src\/providers\/|node_modules\/(zod|@modelcontextprotocol)/.test(path))).toEqual([]);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

/** The entry and every chunk it imports statically, transitively (`import("./…")` stays lazy). */
function staticClosure(dir: string, chunk: string, seen = new Set<string>()): Set<string> {
  if (seen.has(chunk)) return seen;
  seen.add(chunk);
  for (const match of readFileSync(join(dir, chunk), "utf8").matchAll(/(?:from|import)\s*"\.\/([^"]+)"/g))
    staticClosure(dir, match[1], seen);
  return seen;
}
