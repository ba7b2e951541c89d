// The approval seam: loaded only for tools defined with `needsApproval`.
import { ToolRefusedError } from "../../errors/index.ts";
import type { BaseTool, ToolOutput } from "./tool.ts";

/** Who approves a tool defined with `needsApproval`. */
export type ApproveTool = (tool: BaseTool) => boolean | Promise<boolean>;

/**
 * The refusal result of a tool that needs approval and did not get it, or undefined when it may run.
 * A `needsApproval` function decides per call; without `approve` every such tool is refused.
 */
export async function refusalOf<T extends BaseTool>(tool: T, approve: ApproveTool | undefined): Promise<ToolOutput<T> | undefined> {
  const needs = tool.definition.needsApproval;
  if (typeof needs === "function" && !(await needs(tool.args))) return undefined;
  if (approve && (await approve(tool)) === true) return undefined;
  const refusal = new ToolRefusedError(tool.name);
  return [tool, `Error: ${refusal.message}`, refusal];
}
