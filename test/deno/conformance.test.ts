// Runs every test/conformance/*.test.ts under Deno. The folder is read at load time, so a new
// conformance file is picked up without editing this list (needs --allow-read).
import { __beginFile } from "./vitest-shim.ts";

declare const Deno: {
  readDir(path: URL): AsyncIterable<{ name: string; isFile: boolean }>;
  test(name: string, fn: () => void): void;
};

const dir = new URL("../conformance/", import.meta.url);
const files: string[] = [];
for await (const entry of Deno.readDir(dir)) {
  if (entry.isFile && entry.name.endsWith(".test.ts")) files.push(entry.name);
}
files.sort();
if (files.length === 0) throw new Error(`no conformance tests found in ${dir.href}`);

for (const name of files) {
  __beginFile(`conformance/${name}`);
  try {
    await import(new URL(name, dir).href);
  } catch (error) {
    // Keep going so the other files still run; this one fails as a test of its own.
    Deno.test(`load error: conformance/${name}`, () => {
      throw error;
    });
  }
}
