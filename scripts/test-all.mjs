#!/usr/bin/env node
// `npm test`: builds, then runs the conformance suite in every runtime — Node, Chromium (vitest
// browser mode), workerd (vitest-pool-workers), Deno — plus the plain-miniflare smoke test of dist/,
// and fails unless every runtime ran the same number of conformance tests and nothing failed.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const results = join(root, ".test-results");
const vitestBin = join(root, "node_modules", "vitest", "vitest.mjs");

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"];
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir) candidates.push(join(dir, "chromium"), join(dir, "chromium-browser"));
  }
  return candidates.find((path) => path && existsSync(path));
}

function preflight() {
  if (!existsSync(vitestBin)) {
    console.error("Dependencies are missing: run `npm ci` (or `npm install`) first.");
    process.exit(1);
  }
  const chromium = findChromium();
  if (!chromium) {
    console.error(
      "Chromium is missing: run `apt-get install -y chromium` (Debian; `apt-get update` first on a fresh machine),\n" +
        "or point CHROMIUM_PATH at a Chromium/Chrome binary. The browser tests run in it through Playwright,\n" +
        "which cannot download its own browser here.",
    );
    process.exit(1);
  }
  return chromium;
}

/** Runs a command with inherited output; resolves to { code, seconds }. */
function run(command, args, env = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", (error) => {
      console.error(`could not start ${command}: ${error.message}`);
      resolve({ code: 1, seconds: (performance.now() - started) / 1000 });
    });
    child.on("exit", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), seconds: (performance.now() - started) / 1000 }));
  });
}

const isConformancePath = (path) => /[\\/]test[\\/]conformance[\\/]/.test(path);

/** Counts from a vitest JSON report. */
function vitestCounts(file) {
  const counts = { conformance: 0, conformancePassed: 0, runtimePassed: 0, failed: 0, skipped: 0 };
  if (!existsSync(file)) return counts;
  const report = JSON.parse(readFileSync(file, "utf8"));
  for (const suite of report.testResults ?? []) {
    const conformance = isConformancePath(suite.name);
    const tests = suite.assertionResults ?? [];
    // A file that failed to load or whose hook threw has no failed test of its own: count it once.
    if (suite.status === "failed" && !tests.some((t) => t.status === "failed")) counts.failed++;
    for (const test of tests) {
      if (conformance) counts.conformance++;
      if (test.status === "passed") conformance ? counts.conformancePassed++ : counts.runtimePassed++;
      else if (test.status === "failed") counts.failed++;
      else counts.skipped++;
    }
  }
  return counts;
}

const unescapeXml = (s) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Counts from Deno's JUnit report; the shim names conformance tests "conformance/<file> > …". */
function denoCounts(file) {
  const counts = { conformance: 0, conformancePassed: 0, runtimePassed: 0, failed: 0, skipped: 0 };
  if (!existsSync(file)) return counts;
  const xml = readFileSync(file, "utf8");
  for (const m of xml.matchAll(/<testcase name="([^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const conformance = unescapeXml(m[1]).startsWith("conformance/");
    const body = m[3] ?? "";
    if (conformance) counts.conformance++;
    if (/<(failure|error)\b/.test(body)) counts.failed++;
    else if (/<skipped\b/.test(body)) counts.skipped++;
    else conformance ? counts.conformancePassed++ : counts.runtimePassed++;
  }
  return counts;
}

function vitestProject(name, env) {
  const out = join(results, `${name}.json`);
  return {
    name,
    start: () =>
      run(
        process.execPath,
        [vitestBin, "run", "--project", name, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`],
        env,
      ),
    counts: () => vitestCounts(out),
  };
}

function table(rows) {
  const header = ["runtime", "conformance passed", "runtime-only passed", "failed", "seconds"];
  const cells = rows.map((r) => [r.name, String(r.conformancePassed), String(r.runtimePassed), String(r.failed), r.seconds.toFixed(1)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(" | ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("-|-"), ...cells.map(line)].join("\n");
}

async function main() {
  const chromium = preflight();
  const started = performance.now();
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });

  console.log("\n== build (npm run build)");
  const build = await run(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build"]);
  if (build.code !== 0) console.error("build failed: the miniflare smoke test of dist/ will fail too");

  // Type tests (test/types/*.test-d.ts) and the typed tests, examples and sources: `tsc` is their runner.
  console.log("\n== typecheck (tsc -p tsconfig.test.json)");
  const typecheck = await run(process.execPath, [
    join(root, "node_modules", "typescript", "bin", "tsc"),
    "-p",
    "tsconfig.test.json",
    "--noEmit",
  ]);

  // Biome (format + lint), then the package checks: publint and attw (both pack the built dist/).
  console.log("\n== lint (biome ci)");
  const lint = await run(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "lint", "--silent"]);
  console.log("\n== package checks (publint, attw)");
  const pkg = await run(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "check:package", "--silent"]);

  const deno = join(results, "deno.xml");
  const runtimes = [
    vitestProject("node"),
    vitestProject("browser", { CHROMIUM_PATH: chromium }),
    vitestProject("worker"),
    {
      name: "deno",
      start: () => run(process.execPath, [join(root, "test", "deno", "run.mjs"), `--junit=${deno}`]),
      counts: () => denoCounts(deno),
    },
    vitestProject("miniflare"),
  ];
  const rows = [];
  for (const runtime of runtimes) {
    console.log(`\n== ${runtime.name}`);
    const { code, seconds } = await runtime.start();
    const counts = runtime.counts();
    // A runner that failed without a failed test (load error, failed hook, crash) still fails.
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    rows.push({ name: runtime.name, seconds, code, ...counts });
  }

  const problems = [];
  if (build.code !== 0) problems.push("npm run build failed");
  if (typecheck.code !== 0) problems.push("typecheck failed (tsc -p tsconfig.test.json): see its output above");
  if (lint.code !== 0) problems.push("lint failed (npm run lint): `npm run format` fixes formatting; see the output above");
  if (pkg.code !== 0) problems.push("package checks failed (publint / attw): see the output above");
  for (const r of rows) {
    if (r.failed > 0) problems.push(`${r.name}: ${r.failed} failed${r.code !== 0 ? ` (exit code ${r.code})` : ""}`);
    if (r.skipped > 0 && r.code === 0) problems.push(`${r.name}: ${r.skipped} skipped (tests must not be skipped)`);
  }
  const conformanceRows = rows.filter((r) => r.name !== "miniflare");
  const expected = conformanceRows[0].conformance;
  if (expected === 0) problems.push("no conformance tests ran");
  if (conformanceRows.some((r) => r.conformance !== expected)) {
    problems.push(`conformance test counts differ: ${conformanceRows.map((r) => `${r.name} ${r.conformance}`).join(", ")}`);
  }

  console.log(
    `\nbuild ${build.code === 0 ? "ok" : "FAILED"} in ${build.seconds.toFixed(1)} s; typecheck ${typecheck.code === 0 ? "ok" : "FAILED"} in ${typecheck.seconds.toFixed(1)} s; total ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  console.log(table(rows));
  for (const p of problems) console.log(`FAIL: ${p}`);
  const passed = rows.reduce((n, r) => n + r.conformancePassed + r.runtimePassed, 0);
  const failed =
    rows.reduce((n, r) => n + r.failed, 0) +
    (build.code !== 0 ? 1 : 0) +
    (typecheck.code !== 0 ? 1 : 0) +
    (lint.code !== 0 ? 1 : 0) +
    (pkg.code !== 0 ? 1 : 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(problems.length > 0 ? 1 : 0);
}

await main();
