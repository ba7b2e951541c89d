// The provider template's files (src/providers/README.md): every provider folder has the files of the
// template, a protocol sub-folder (openai/responses/) has its own, and a provider's `import()` sites are
// all in its seams.ts (one per seam, no lazy import inside a per-chunk loop). The exports are checked by
// test/conformance/provider-template.test.ts.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const providers = join(import.meta.dirname, "..", "..", "src", "providers");

/** The files every provider folder has. */
const TEMPLATE = [
  "index.ts",
  "api.ts",
  "call-params.ts",
  "dynamic-config.ts",
  "client.ts",
  "setup-call.ts",
  "handle-stream.ts",
  "get-json-output.ts",
  "provider.ts",
  "call.ts",
  "call-response.ts",
  "call-response-chunk.ts",
  "stream.ts",
  "tool.ts",
  "map-finish-reason.ts",
  "convert-usage.ts",
  "prices.ts",
  "seams.ts",
  "failures.ts",
  "request-extras.ts",
];

/** The files of a second wire protocol's sub-folder. */
const PROTOCOL = [
  "index.ts",
  "api.ts",
  "provider.ts",
  "handle-stream.ts",
  "call-response.ts",
  "call-response-chunk.ts",
  "stream.ts",
  "convert-usage.ts",
];

/** Providers made of other providers' pieces (Vertex AI serves Google's and Anthropic's models): their own client and failures (no seam: they use http's). */
const COMPOSITE: Record<string, string[]> = { vertex: ["index.ts", "call.ts", "client.ts", "failures.ts"] };

/** Sub-folders that are a second wire protocol of their provider. */
const PROTOCOLS = ["openai/responses"];

const folders = readdirSync(providers).filter((name) => statSync(join(providers, name)).isDirectory());

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("provider template files", () => {
  it("the template is written down in src/providers/README.md, every file of it", () => {
    const readme = readFileSync(join(providers, "README.md"), "utf8");
    for (const file of [...TEMPLATE, ...PROTOCOL]) expect(readme, file).toContain(`\`${file}\``);
  });

  for (const folder of folders) {
    it(`${folder}/ has the template's files`, () => {
      const expected = COMPOSITE[folder] ?? TEMPLATE;
      expect(expected.filter((file) => !existsSync(join(providers, folder, file)))).toEqual([]);
    });
  }

  for (const protocol of PROTOCOLS) {
    it(`${protocol}/ has a protocol's files`, () => {
      expect(PROTOCOL.filter((file) => !existsSync(join(providers, protocol, file)))).toEqual([]);
    });
  }

  it("a provider's import() sites are all in its seams.ts, one per seam", () => {
    const misplaced: string[] = [];
    for (const file of walk(providers)) {
      const code = readFileSync(file, "utf8").replace(/\/\/.*$/gm, "");
      const sites = code.match(/\bimport\s*\(/g)?.length ?? 0;
      if (sites > 0 && !file.endsWith("seams.ts")) misplaced.push(relative(providers, file));
    }
    expect(misplaced).toEqual([]);
  });
});
