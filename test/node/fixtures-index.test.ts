// test/fixtures/index.ts bundles the fixtures for runtimes without a file system; it must match the
// files beside it, and those must match ../shared/fixtures when that folder is present.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listFixtures, renderIndex } from "../../scripts/gen-fixtures.mjs";
import { binaryFixtures, fixtures } from "../fixtures/index.ts";

/** A fixture's bytes from the index: text fixtures as UTF-8, binary ones from base64. */
const indexedBytes = (name: string): Uint8Array | undefined =>
  name in binaryFixtures
    ? new Uint8Array(Buffer.from(binaryFixtures[name], "base64"))
    : name in fixtures
      ? new TextEncoder().encode(fixtures[name])
      : undefined;

const root = join(import.meta.dirname, "..", "..");
const fixturesDir = join(root, "test", "fixtures");
const shared = join(root, "..", "shared", "fixtures");

describe("fixtures index", () => {
  it("test/fixtures/index.ts is up to date (else run `node scripts/gen-fixtures.mjs --index`)", () => {
    const current = readFileSync(join(fixturesDir, "index.ts"), "utf8");
    expect(current === renderIndex(), "index.ts is stale: run `node scripts/gen-fixtures.mjs --index`").toBe(true);
  });

  it("holds every fixture file byte-exact", () => {
    const names = listFixtures(fixturesDir);
    expect([...Object.keys(fixtures), ...Object.keys(binaryFixtures)].sort()).toEqual(names);
    for (const name of names) {
      const bytes = new Uint8Array(readFileSync(join(fixturesDir, name)));
      expect(indexedBytes(name), name).toEqual(bytes);
    }
  });

  it("copies every file of ../shared/fixtures unchanged, when that folder is present", () => {
    // A clean clone may lack ../shared; the committed copies are then the source of truth.
    if (!existsSync(shared)) return;
    for (const name of listFixtures(shared)) {
      expect(indexedBytes(name), `${name} missing or different: run node scripts/gen-fixtures.mjs`).toEqual(
        new Uint8Array(readFileSync(join(shared, name))),
      );
    }
  });
});
