// promptcall/testing's declarations compile in a project without the DOM lib (Node with @types/node
// only, skipLibCheck off): they name no DOM-only type such as `RequestInfo`. Checks dist/ (built by
// `npm test` first) with the consumer in test/types/no-dom/.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

// Node's types (which have no `RequestInfo`) and the Workers' (lib ES2023 plus @cloudflare/workers-types).
for (const config of ["tsconfig.json", "tsconfig.workers.json"]) {
  it(`promptcall/testing types compile without the DOM lib (${config})`, async () => {
    expect(existsSync(join(root, "dist", "testing.d.ts")), "dist/ is missing: run `npm run build` first").toBe(true);
    const tsc = join(root, "node_modules", ".bin", "tsc");
    const run = await promisify(execFile)(tsc, ["-p", join(root, "test", "types", "no-dom", config)]).then(
      () => "",
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(run).toBe("");
  }, 60_000);
}
