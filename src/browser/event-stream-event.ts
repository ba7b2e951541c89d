import type { FinishReason } from "../core/finish-reason.ts";
import type { Usage } from "../core/usage.ts";

/**
 * One event of promptcall's SSE format (see docs/workers-and-browsers.md). The SSE `event:` field
 * is `type`; the `data:` field is the JSON of the other properties (`{}` for `done`).
 */
export type EventStreamEvent =
  | { type: "text"; delta: string }
  | { type: "tool_call"; id: string; name: string; args: unknown }
  | {
      type: "usage";
      usage: Usage | null;
      cost: number | null;
      finishReasons: string[];
      commonFinishReasons: FinishReason[];
      model: string;
    }
  | { type: "error"; name: string; message: string }
  | { type: "done" };
