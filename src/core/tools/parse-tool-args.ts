import { ToolArgumentsError } from "../../errors/index.ts";
import { describeIssues, validateSchema } from "../structured/schema.ts";
import type { ToolCallData, ToolDefinition } from "./tool.ts";

/** Parses a tool call's JSON arguments and validates them with the tool's schema. */
export async function parseToolArgs(definition: ToolDefinition, toolCall: ToolCallData): Promise<unknown> {
  const rawText = typeof toolCall.args === "string" ? toolCall.args : JSON.stringify(toolCall.args);
  let parsed: unknown = toolCall.args;
  if (typeof toolCall.args === "string") {
    try {
      parsed = toolCall.args.trim() === "" ? {} : JSON.parse(toolCall.args);
    } catch (cause) {
      throw new ToolArgumentsError(
        // Worded for the model too: it reads this message in the tool's error result.
        `Tool "${definition.name}" was called with arguments that are not valid JSON: call it again with a JSON object ` +
          `(the raw text is on the error's \`raw\` property).`,
        { toolName: definition.name, raw: rawText, cause },
      );
    }
  }
  // Validation loads with the first tool call (the `tools` seam), not with every program that imports a provider.
  const result = await validateSchema(definition.parameters, parsed);
  if (!result.ok) {
    throw new ToolArgumentsError(
      `Tool "${definition.name}" was called with arguments that do not match its schema: ${describeIssues(result.issues)}. ` +
        "Call it again with arguments that match the schema.",
      { toolName: definition.name, raw: rawText, issues: result.issues },
    );
  }
  return result.value;
}
