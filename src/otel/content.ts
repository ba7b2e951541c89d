// Message content in the shape of the GenAI conventions' `gen_ai.input.messages` and
// `gen_ai.output.messages` (JSON: `[{ role, parts: [{ type: "text", content }] }]`), recorded only
// with `otel({ recordContent: true })`.

type Part = Record<string, unknown>;

/** The messages of a call (neutral or a provider's own) as the conventions' input messages, in JSON. */
export function inputMessagesJson(messages: readonly unknown[]): string {
  return JSON.stringify(messages.map(inputMessage));
}

function inputMessage(message: unknown): { role: string; parts: Part[] } {
  const m = (message ?? {}) as { role?: unknown; content?: unknown; parts?: unknown };
  const role = typeof m.role === "string" ? m.role : "user";
  return { role, parts: toParts(m.content ?? m.parts) };
}

function toParts(content: unknown): Part[] {
  if (typeof content === "string") return [{ type: "text", content }];
  if (!Array.isArray(content)) return [];
  return content.map((item) => {
    const text = typeof item === "string" ? item : (item as { text?: unknown } | null)?.text;
    if (typeof text === "string") return { type: "text", content: text };
    return { type: String((item as { type?: unknown } | null)?.type ?? "unknown") };
  });
}

/** What a response or a finished stream said, as the conventions' output messages, in JSON. */
export function outputMessagesJson(result: {
  content: string;
  finishReasons: readonly string[];
  toolCalls: readonly { id?: string; name: string; args?: unknown }[];
}): string {
  const parts: Part[] = result.content ? [{ type: "text", content: result.content }] : [];
  for (const call of result.toolCalls) parts.push({ type: "tool_call", id: call.id, name: call.name, arguments: call.args });
  return JSON.stringify([{ role: "assistant", parts, finish_reason: result.finishReasons[0] ?? "" }]);
}
