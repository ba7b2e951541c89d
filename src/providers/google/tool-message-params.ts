import { toolResultText } from "../../core/tools/common-messages.ts";
import type { ToolOutput } from "../../core/tools/tool.ts";
import type { GoogleContent, GoogleFunctionResponse } from "./api.ts";

/**
 * Tool results as one Gemini `user` content of `functionResponse` parts (one per output, in order),
 * as the function-calling guide sends them (https://ai.google.dev/gemini-api/docs/function-calling).
 * The output goes in `response.result`, an error result's text in `response.error` (FunctionResponse:
 * 'Use "output" key to specify function output and "error" key to specify error details',
 * https://googleapis.github.io/js-genai/classes/types.FunctionResponse.html); the call's wire id is
 * echoed when Gemini gave one.
 */
export function googleToolMessageParams(outputs: readonly ToolOutput[]): GoogleContent[] {
  if (outputs.length === 0) return [];
  return [
    {
      role: "user",
      parts: outputs.map((entry) => {
        const { text, isError } = toolResultText(entry);
        const tool = entry[0];
        return { functionResponse: functionResponse(tool.name, text, wireId(tool.toolCall.providerData), isError) };
      }),
    },
  ];
}

/** A `functionResponse` for a tool's output text: JSON output is sent parsed, errors under `error`. */
export function functionResponse(name: string, text: string, id: string | undefined, isError = false): GoogleFunctionResponse {
  const value = parseJson(text);
  const response = isError ? { error: value } : { result: value };
  return id ? { id, name, response } : { name, response };
}

/** The function call id Gemini sent, kept in a tool call's `providerData`. */
export function wireId(providerData: Record<string, unknown> | undefined): string | undefined {
  const id = providerData?.functionCallId;
  return typeof id === "string" && id !== "" ? id : undefined;
}

function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (!/^[[{"]/.test(trimmed)) return text;
  try {
    return JSON.parse(trimmed);
  } catch {
    return text;
  }
}
