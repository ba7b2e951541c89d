// A small stand-in for "vitest" under `deno test` (deno.json maps the bare "vitest" import here).
// It reuses vitest's own `expect` (the @vitest/expect chai plugins) so matchers behave exactly as in
// the other runtimes, and maps describe/it/hooks onto one Deno.test per test case.
//
// Supported: describe, it/test (name, fn, timeout | name, { timeout }, fn), beforeAll/afterAll/
// beforeEach/afterEach (a returned function runs as the matching teardown), expect (incl. .resolves,
// .rejects, asymmetric matchers, expect.assertions/hasAssertions), inject. Everything the conformance
// rules forbid (skip, only, todo, each, concurrent, vi, snapshots) throws a clear error instead.
import * as chai from "chai";
import {
  ASYMMETRIC_MATCHERS_OBJECT,
  ChaiStyleAssertions,
  customMatchers,
  GLOBAL_EXPECT,
  getState,
  JestAsymmetricMatchers,
  JestChaiExpect,
  JestExtend,
  setState,
} from "@vitest/expect";
import { printDiffOrStringify } from "@vitest/utils/diff";

declare const Deno: {
  test(def: { name: string; fn: () => Promise<void>; sanitizeOps: boolean; sanitizeResources: boolean }): void;
  env: { get(key: string): string | undefined };
};

chai.use(JestExtend);
chai.use(JestChaiExpect);
chai.use(ChaiStyleAssertions);
chai.use(JestAsymmetricMatchers);

type Fn = () => unknown;
type Hook = () => unknown;
type TestFn = (context: TestContext) => unknown;
type TestOptions = { timeout?: number };

/** What a test function receives; a subset of vitest's TestContext. */
interface TestContext {
  task: { name: string; fullName: string };
  signal: AbortSignal;
}

interface Suite {
  name: string;
  parent?: Suite;
  beforeAll: Hook[];
  afterAll: Hook[];
  beforeEach: Hook[];
  afterEach: Hook[];
  /** Tests not yet finished in this suite (including nested suites); afterAll runs at zero. */
  remaining: number;
  started: boolean;
  setupError?: unknown;
  teardowns: Hook[];
}

interface TestCase {
  name: string;
  fullName: string;
  fn: TestFn;
  suite: Suite;
  timeout: number;
}

const DEFAULT_TIMEOUT = 5_000;
const HOOK_TIMEOUT = 10_000;

function newSuite(name: string, parent?: Suite): Suite {
  return { name, parent, beforeAll: [], afterAll: [], beforeEach: [], afterEach: [], remaining: 0, started: false, teardowns: [] };
}

let current: Suite = newSuite("");

/** Starts a fresh top-level suite named after a test file (used by conformance.test.ts per import). */
export function __beginFile(name: string): void {
  current = newSuite(name);
}

function chain(suite: Suite): Suite[] {
  const out: Suite[] = [];
  for (let s: Suite | undefined = suite; s; s = s.parent) out.unshift(s);
  return out;
}

function fullName(suite: Suite, name: string): string {
  return [...chain(suite).map((s) => s.name), name].filter(Boolean).join(" > ");
}

function unsupported(what: string): never {
  throw new Error(`${what} is not supported by the Deno vitest shim (test/deno/vitest-shim.ts); the conformance rules forbid it`);
}

async function withTimeout(run: () => unknown, ms: number, label: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} timed out in ${ms}ms`)), ms);
  });
  try {
    await Promise.race([Promise.resolve().then(run), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function runHooks(hooks: Hook[], teardowns: Hook[] | undefined, label: string): Promise<void> {
  for (const hook of hooks) {
    let result: unknown;
    await withTimeout(
      async () => {
        result = await hook();
      },
      HOOK_TIMEOUT,
      label,
    );
    if (teardowns && typeof result === "function") teardowns.unshift(result as Hook);
  }
}

async function startSuites(suites: Suite[]): Promise<void> {
  for (const suite of suites) {
    if (suite.started) {
      if (suite.setupError !== undefined) throw suite.setupError;
      continue;
    }
    suite.started = true;
    try {
      await runHooks(suite.beforeAll, suite.teardowns, `beforeAll of "${suite.name}"`);
    } catch (error) {
      suite.setupError = error;
      throw error;
    }
  }
}

async function finishSuites(suites: Suite[]): Promise<unknown> {
  let firstError: unknown;
  for (const suite of [...suites].reverse()) {
    suite.remaining--;
    if (suite.remaining > 0 || !suite.started) continue;
    try {
      await runHooks([...suite.afterAll].reverse(), undefined, `afterAll of "${suite.name}"`);
      await runHooks(suite.teardowns, undefined, `teardown of "${suite.name}"`);
    } catch (error) {
      firstError ??= error;
    }
  }
  return firstError;
}

function resetExpectState(name: string): void {
  setState(
    {
      assertionCalls: 0,
      isExpectingAssertions: false,
      isExpectingAssertionsError: null,
      expectedAssertionsNumber: null,
      expectedAssertionsNumberErrorGen: null,
      currentTestName: name,
    },
    expect,
  );
}

function checkExpectedAssertions(): void {
  const state = getState(expect);
  if (state.expectedAssertionsNumber !== null && state.assertionCalls !== state.expectedAssertionsNumber) {
    throw state.expectedAssertionsNumberErrorGen?.() ?? new Error("unexpected number of assertions");
  }
  if (state.isExpectingAssertions && state.assertionCalls === 0) {
    throw state.isExpectingAssertionsError ?? new Error("expected any number of assertions, but got none");
  }
}

/** Adds vitest's expected/received diff to an assertion error's message (Deno prints only the message). */
function withDiff(error: unknown): unknown {
  const e = error as { actual?: unknown; expected?: unknown; showDiff?: boolean; message?: string };
  if (!(error instanceof Error) || e.showDiff === false || !("actual" in e) || !("expected" in e)) return error;
  try {
    const diff = printDiffOrStringify(e.actual, e.expected);
    if (diff) error.message += `\n\n${diff}\n`;
  } catch {
    // A value the differ cannot print: keep the plain message.
  }
  return error;
}

async function runTest(test: TestCase): Promise<void> {
  const suites = chain(test.suite);
  let firstError: unknown;
  const eachTeardowns: Hook[] = [];
  const controller = new AbortController();
  try {
    await startSuites(suites);
    for (const suite of suites) await runHooks(suite.beforeEach, eachTeardowns, "beforeEach");
    resetExpectState(test.fullName);
    await withTimeout(
      () => test.fn({ task: { name: test.name, fullName: test.fullName }, signal: controller.signal }),
      test.timeout,
      `Test "${test.fullName}"`,
    );
    checkExpectedAssertions();
  } catch (error) {
    firstError = error;
  }
  controller.abort();
  try {
    for (const suite of [...suites].reverse()) await runHooks([...suite.afterEach].reverse(), undefined, "afterEach");
    await runHooks(eachTeardowns, undefined, "beforeEach teardown");
  } catch (error) {
    firstError ??= error;
  }
  const afterAllError = await finishSuites(suites);
  firstError ??= afterAllError;
  if (firstError !== undefined) throw withDiff(firstError);
}

function register(name: string, a?: TestFn | TestOptions | number, b?: TestFn | TestOptions | number): void {
  const fn = (typeof a === "function" ? a : b) as TestFn | undefined;
  const opt = (typeof a === "function" ? b : a) as TestOptions | number | undefined;
  const timeout = typeof opt === "number" ? opt : (opt?.timeout ?? DEFAULT_TIMEOUT);
  if (typeof fn !== "function") unsupported(`it("${name}") without a function (todo)`);
  const test: TestCase = { name, fullName: fullName(current, name), fn, suite: current, timeout };
  for (const s of chain(current)) s.remaining++;
  Deno.test({ name: test.fullName, fn: () => runTest(test), sanitizeOps: false, sanitizeResources: false });
}

type ItApi = typeof register & {
  skip: Fn;
  only: Fn;
  todo: Fn;
  each: Fn;
  concurrent: Fn;
  skipIf: Fn;
  runIf: Fn;
  fails: Fn;
  sequential: Fn;
  for: Fn;
};

function makeIt(): ItApi {
  const it = ((name: string, a?: TestFn | TestOptions | number, b?: TestFn | TestOptions | number) => register(name, a, b)) as ItApi;
  for (const key of ["skip", "only", "todo", "each", "concurrent", "skipIf", "runIf", "fails", "sequential", "for"] as const) {
    it[key] = () => unsupported(`it.${key}`);
  }
  return it;
}

/** Defines a test case (one Deno.test). */
export const it = makeIt();
/** Alias of `it`. */
export const test = it;

/** Groups tests; hooks declared inside apply to its tests only. */
export const describe = Object.assign(
  (name: string, fn: Fn): void => {
    const parent = current;
    current = newSuite(name, parent);
    try {
      const result = fn();
      if (result instanceof Promise) unsupported(`async describe("${name}")`);
    } finally {
      current = parent;
    }
  },
  {
    skip: () => unsupported("describe.skip"),
    only: () => unsupported("describe.only"),
    each: () => unsupported("describe.each"),
    todo: () => unsupported("describe.todo"),
    concurrent: () => unsupported("describe.concurrent"),
  },
);
/** Alias of `describe`. */
export const suite = describe;

/** Runs once before the first test of the enclosing suite; a returned function runs after the last. */
export function beforeAll(fn: Hook): void {
  current.beforeAll.push(fn);
}
/** Runs once after the last test of the enclosing suite. */
export function afterAll(fn: Hook): void {
  current.afterAll.push(fn);
}
/** Runs before each test of the enclosing suite; a returned function runs after that test. */
export function beforeEach(fn: Hook): void {
  current.beforeEach.push(fn);
}
/** Runs after each test of the enclosing suite. */
export function afterEach(fn: Hook): void {
  current.afterEach.push(fn);
}

/**
 * Values that vitest's globalSetup would `provide`: read from the JSON in PROMPTCALL_TEST_PROVIDE,
 * which test/deno/run.mjs sets after starting the test server.
 */
export function inject(key: string): unknown {
  const raw = Deno.env.get("PROMPTCALL_TEST_PROVIDE");
  if (!raw) throw new Error("PROMPTCALL_TEST_PROVIDE is not set: run the Deno suite with `node test/deno/run.mjs` (npm run test:deno)");
  const provided = JSON.parse(raw) as Record<string, unknown>;
  if (!(key in provided)) throw new Error(`inject("${key}"): nothing was provided under that name`);
  return provided[key];
}

type ExpectStatic = import("@vitest/expect").ExpectStatic;
/** The same object seen as a bag of properties while it is being assembled. */
type ExpectBag = Record<string, unknown>;

function createExpect(): ExpectStatic {
  const expectFn = ((value: unknown, message?: string) => {
    const { assertionCalls } = getState(expectFn);
    setState({ assertionCalls: assertionCalls + 1 }, expectFn);
    return chai.expect(value, message);
  }) as unknown as ExpectStatic;
  const bag = expectFn as unknown as ExpectBag;
  Object.assign(bag, chai.expect);
  Object.assign(bag, (globalThis as unknown as Record<symbol, object>)[ASYMMETRIC_MATCHERS_OBJECT]);
  bag.getState = () => getState(expectFn);
  bag.setState = (state: object) => setState(state, expectFn);
  bag.assert = chai.assert;
  bag.extend = (matchers: object) => (chai.expect as unknown as { extend(e: unknown, m: object): void }).extend(expectFn, matchers);
  bag.unreachable = (message?: string) => chai.assert.fail(`expected${message ? ` "${message}" ` : " "}not to be reached`);
  bag.soft = () => unsupported("expect.soft");
  bag.poll = () => unsupported("expect.poll");
  chai.util.addMethod(bag, "assertions", (expected: number) => {
    const errorGen = () => new Error(`expected number of assertions to be ${expected}, but got ${getState(expectFn).assertionCalls}`);
    setState({ expectedAssertionsNumber: expected, expectedAssertionsNumberErrorGen: errorGen }, expectFn);
  });
  chai.util.addMethod(bag, "hasAssertions", () => {
    setState(
      { isExpectingAssertions: true, isExpectingAssertionsError: new Error("expected any number of assertion, but got none") },
      expectFn,
    );
  });
  expectFn.extend(customMatchers);
  return expectFn;
}

/** vitest's expect, built from the same @vitest/expect plugins vitest itself uses. */
export const expect = createExpect();
(globalThis as Record<symbol, unknown>)[GLOBAL_EXPECT] = expect;
resetExpectState("");
