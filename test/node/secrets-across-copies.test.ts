// The secrets promptcall remembers (API keys, credential headers) live in the global symbol registry,
// so an error built by another bundled copy of promptcall in the same realm redacts them too (as
// `isInstance` recognises its errors through the shared brand). The other copy is the errors floor
// bundled on its own and imported from a data: URL: its own module instances, its own classes.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { rememberSecrets } from "../../src/errors/known-secrets.ts";
import { PromptcallError } from "../../src/errors/promptcall-error.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

async function otherCopy(): Promise<typeof import("../../src/errors/index.ts") & typeof import("../../src/errors/known-secrets.ts")> {
  const { outputFiles } = await build({
    stdin: {
      contents: 'export * from "./src/errors/index.ts"; export * from "./src/errors/known-secrets.ts";',
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0]!.text).toString("base64")}`);
}

describe("remembered secrets", () => {
  it("are shared by every copy of promptcall in the realm", async () => {
    const other = await otherCopy();
    expect(other.PromptcallError).not.toBe(PromptcallError);
    const mine = "sk-remembered-by-this-copy-1234";
    rememberSecrets([mine]);
    expect(new other.PromptcallError(`bad key ${mine}`).message).not.toContain(mine);
    const theirs = "sk-remembered-by-the-other-copy-5678";
    other.rememberSecrets([theirs]);
    expect(new PromptcallError(`bad key ${theirs}`).message).not.toContain(theirs);
  });
});
