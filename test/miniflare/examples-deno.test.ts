// examples/deno: runs main.ts in Deno (the npm `deno` binary) against dist/, once against the fake
// OpenAI server on 127.0.0.1 and once with no key (the scripted provider), and reads its stdout.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shortReply, startFakeOpenAI, type FakeOpenAI } from "../../examples/worker/fake-openai.mjs";

const root = join(import.meta.dirname, "..", "..");
const denoBin = join(root, "node_modules", ".bin", "deno");
// --no-config: the repository's own deno.json (for the test suite) maps promptcall to src/; the
// example's import map points at the built package in dist/ instead.
const denoArgs = [
  "run",
  "--no-config",
  "--import-map=examples/deno/deno.json",
  "--allow-env",
  "--allow-net=127.0.0.1",
  "examples/deno/main.ts",
];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The stdout pieces as they arrived, to see that the reply streamed. */
  pieces: string[];
}

function runExample(args: string[], env: Record<string, string>): Promise<Run> {
  const childEnv: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", ...env };
  for (const name of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "MODEL"]) if (!(name in env)) delete childEnv[name];
  return new Promise((resolve, reject) => {
    const child = spawn(denoBin, [...denoArgs, ...args], { cwd: root, env: childEnv });
    const pieces: string[] = [];
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (piece: string) => pieces.push(piece));
    child.stderr.setEncoding("utf8").on("data", (piece: string) => (stderr += piece));
    const timer = setTimeout(() => child.kill(), 20_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: pieces.join(""), stderr, pieces });
    });
  });
}

describe("examples/deno", () => {
  let upstream: FakeOpenAI;

  beforeAll(async () => {
    if (!existsSync(join(root, "dist", "openai.js"))) throw new Error("dist/ is missing: run `npm run build` first");
    upstream = await startFakeOpenAI({ delayMs: 25 });
  });

  afterAll(async () => {
    await upstream?.close();
  });

  it("streams an OpenAI reply to stdout (fake upstream on 127.0.0.1)", async () => {
    const question = "What should I read next?";
    const run = await runExample([question], { OPENAI_API_KEY: "sk-deno-test", OPENAI_BASE_URL: upstream.baseURL });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("promptcall in Deno: asking gpt-4o-mini with your OPENAI_API_KEY.");
    expect(lines[1]).toBe(`Q: ${question}`);
    expect(lines[2]).toBe(`A: ${shortReply(question)}`);
    expect(lines[3]).toMatch(/^\(gpt-4o-mini, \d+ tokens\)$/);
    // The answer reached stdout in several writes, as the deltas arrived (25 ms apart).
    expect(run.pieces.filter((p) => !p.startsWith("promptcall") && !p.startsWith("Q:")).length).toBeGreaterThan(3);
    const request = upstream.requests.at(-1)!;
    expect(request.authorization).toBe("Bearer sk-deno-test");
    expect(request.body.stream).toBe(true);
  }, 20_000);

  it("without OPENAI_API_KEY, uses the scripted provider and says so", async () => {
    const before = upstream.requests.length;
    const run = await runExample([], {});
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        "promptcall in Deno: no OPENAI_API_KEY set, so the scripted provider from promptcall/testing answers (canned reply, no network).",
        "Q: Recommend a fantasy book in two sentences.",
        "A: Try The Hobbit by J. R. R. Tolkien: a small hero, a long road, and a dragon at the end of it.",
        "(scripted-1, 31 tokens)",
        "",
      ].join("\n"),
    );
    expect(upstream.requests.length).toBe(before);
  }, 20_000);
});
