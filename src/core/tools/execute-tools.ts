import { knownSecrets } from "../../errors/known-secrets.ts";
import { redactSecrets } from "../../errors/redact-secrets.ts";
import { refusalOf } from "./approval.ts";
import type { BaseTool, ToolOutput } from "./tool.ts";

/** Options of `executeTools()`. */
export interface ExecuteToolsOptions {
  /**
   * Rethrow the first error (a tool that threw, or `ToolArgumentsError` for invalid arguments)
   * instead of returning it as an error result. Default `false`: errors go back to the model.
   */
  throwOnError?: boolean;
  /**
   * Asked before each tool defined with `needsApproval` runs; a tool not approved (or any such tool
   * when `approve` is not given) gives an error result with a `ToolRefusedError`.
   */
  approve?: (tool: BaseTool) => boolean | Promise<boolean>;
}

/**
 * Runs every tool (in parallel) and returns `[tool, output]` pairs. A tool that throws, or whose
 * arguments were invalid, gives `[tool, text, error]`: `text` tells the model what failed, so it
 * can repair the call; `resume`/`toolMessageParams` send it in the provider's error form.
 */
export function executeTools<T extends BaseTool>(tools: readonly T[], options?: ExecuteToolsOptions): Promise<ToolOutput<T>[]> {
  return Promise.all(tools.map((tool) => runTool(tool, options)));
}

/** One tool's result: its output, or an error result (rethrown with `throwOnError`). */
export async function runTool<T extends BaseTool>(tool: T, options?: ExecuteToolsOptions): Promise<ToolOutput<T>> {
  try {
    if (tool.definition.needsApproval && !tool.error) {
      // Loaded with this module (the `tools` seam), which a plain call never loads.
      const refusal = await refusalOf(tool, options?.approve);
      if (refusal) return refusal;
    }
    return [tool, await tool.call()];
  } catch (error) {
    if (options?.throwOnError) throw error;
    return toolErrorResult(tool, error);
  }
}

/** An error result for a tool: `[tool, text for the model, error]`. */
export function toolErrorResult<T extends BaseTool>(tool: T, error: unknown): ToolOutput<T> {
  return [tool, errorTextFor(tool, error), error];
}

function errorTextFor(tool: BaseTool, error: unknown): string {
  // A ToolArgumentsError's message is worded for the model (what was wrong, call again). The text goes to
  // the model, which may repeat it: a key the library has used is redacted (the error itself is kept as is).
  const message = redactSecrets(error instanceof Error ? error.message : String(error), knownSecrets());
  return tool.error && tool.error === error ? `Error: ${message}` : `Error: the tool "${tool.name}" failed: ${message}`;
}
