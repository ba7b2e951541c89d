import { checkBrowserKey, type BrowserKeyCheck } from "./browser-guard";

/**
 * `checkBrowserKey`, reached through `import()` by the client: a separate module, so that the
 * guard's public re-export does not make bundlers load it with every program.
 */
export function runBrowserKeyCheck(check: BrowserKeyCheck): void {
  checkBrowserKey(check);
}
