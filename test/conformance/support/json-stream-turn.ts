// A streamed JSON answer for structured-output tests: the recorded structured-output content
// (openai/chat_structured_output_json_schema.json) re-cut into Chat Completions chunks of the
// recorded stream's shape (openai/chat_stream_text.sse).
import { fixtures } from "../../fixtures/index.ts";

/** The recorded JSON answer `{"city":"Mexico City","country":"Mexico"}` as an SSE body. */
export function jsonStreamTurn(): string {
  const content: string = JSON.parse(fixtures["openai/chat_structured_output_json_schema.json"]).choices[0].message.content;
  const first = fixtures["openai/chat_stream_text.sse"].split("\n").find((l) => l.startsWith("data: {")) ?? "";
  const template = JSON.parse(first.slice("data: ".length));
  const chunk = (delta: object, finish: string | null) => {
    const c = structuredClone(template);
    c.choices[0].delta = delta;
    c.choices[0].finish_reason = finish;
    return `data: ${JSON.stringify(c)}\n\n`;
  };
  const pieces = content.match(/[\s\S]{1,7}/g) ?? [];
  return `${pieces.map((p) => chunk({ content: p }, null)).join("")}${chunk({}, "stop")}data: [DONE]\n\n`;
}
