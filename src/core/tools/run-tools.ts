import type { Usage } from "../usage.ts";
import { addUsage } from "../usage.ts";
import { responseOf } from "../structured/response-of.ts";
import type { ApproveTool } from "./approval.ts";
import type { BaseTool, ToolOutput } from "./tool.ts";

/** What a turn of a tool loop is: a call response or a stream (after iteration) of any provider. */
interface ToolTurn {
  readonly tools: readonly BaseTool[];
  readonly usage?: Usage | undefined;
  readonly cost?: number | undefined;
  executeTools(options?: { approve?: ApproveTool }): Promise<ToolOutput[]>;
  resume(outputs: readonly ToolOutput[]): Promise<unknown>;
}

/** The chunk and tool a stream yields, or never for a non-streaming call. */
type StreamItemOf<R> = R extends AsyncIterable<infer Item> ? Item : never;

/** The tool instances a turn carries. */
type ToolOf<R> = R extends { readonly tools: readonly (infer T extends BaseTool)[] } ? T : BaseTool;

/** One turn of the loop: the response (or iterated stream) and what its tools returned. */
export interface RunToolsStep<R> {
  /** 0 for the first call, then 1, 2, … */
  readonly index: number;
  readonly response: R;
  /** The results sent back by `resume` (empty when the model called no tool or the loop stopped). */
  readonly outputs: ToolOutput<ToolOf<R>>[];
}

/** Options of {@link runTools}. */
export interface RunToolsOptions<R> {
  /** Most model calls in the loop. Reached while the model still calls tools: `stoppedBy: "maxSteps"`. */
  maxSteps: number;
  /** Stop after a step whose tools ran when this returns true (`stoppedBy: "stopWhen"`); its outputs are not sent. */
  stopWhen?: (step: RunToolsStep<R>) => boolean | Promise<boolean>;
  /** Called after each step (its tools have run). */
  onStep?: (step: RunToolsStep<R>) => unknown;
  /** Streams only: every `[chunk, tool]` as it arrives, so text can be shown as it comes. */
  onChunk?: (item: StreamItemOf<R>, index: number) => unknown;
  /** Asked before a tool defined with `needsApproval` runs; a refusal goes back to the model as the tool's error result. */
  approve?: ApproveTool;
}

/** What {@link runTools} returns. */
export interface RunToolsResult<R> {
  /** The last response (or stream, iterated): the model's answer when `stoppedBy` is `"done"`. */
  readonly response: R;
  readonly steps: RunToolsStep<R>[];
  /** Usage summed over every call of the loop (undefined when no call reported any). */
  readonly usage: Usage | undefined;
  /** Cost in USD summed over every call; undefined when a call's cost is unknown. */
  readonly cost: number | undefined;
  /** `"done"`: the model answered without tools; `"maxSteps"`: the limit was reached; `"stopWhen"`: it said stop. */
  readonly stoppedBy: "done" | "maxSteps" | "stopWhen";
}

/**
 * Runs the loop call → tools → resume until the model answers without tools, `maxSteps` calls
 * were made, or `stopWhen` says stop. Works for responses and streams (each turn's stream is
 * iterated here; `onChunk` sees every chunk as it arrives).
 * @example
 * const { response, usage } = await runTools(ask, "Weather in Paris?", { maxSteps: 5 });
 */
export async function runTools<A extends unknown[], R>(
  call: (...args: A) => Promise<R>,
  ...rest: [...args: A, options: RunToolsOptions<R>]
): Promise<RunToolsResult<R>> {
  const options = rest.pop() as RunToolsOptions<R>;
  if (!(options.maxSteps >= 1)) throw new TypeError("runTools: maxSteps must be 1 or more.");
  const steps: RunToolsStep<R>[] = [];
  let response = (await call(...(rest as unknown as A))) as R;
  for (let index = 0; ; index++) {
    const turn = await finishTurn(response, index, options);
    const calledTools = turn !== undefined && turn.tools.length > 0;
    const outputs = calledTools ? await turn.executeTools({ approve: options.approve }) : [];
    const step: RunToolsStep<R> = { index, response, outputs: outputs as RunToolsStep<R>["outputs"] };
    steps.push(step);
    await options.onStep?.(step);
    if (!calledTools) return result(response, steps, "done");
    if (steps.length >= options.maxSteps) return result(response, steps, "maxSteps");
    if (await options.stopWhen?.(step)) return result(response, steps, "stopWhen");
    response = (await turn.resume(outputs)) as R;
  }
}

/** The turn of a response or a stream (iterated to the end), or undefined for a final value (`responseModel`). */
async function finishTurn<R>(response: R, index: number, options: RunToolsOptions<R>): Promise<ToolTurn | undefined> {
  if (!isTurn(response)) return undefined;
  if (isStream(response)) {
    for await (const item of response) await options.onChunk?.(item as StreamItemOf<R>, index);
  }
  return response;
}

function isTurn(value: unknown): value is ToolTurn {
  return typeof (value as ToolTurn | null)?.executeTools === "function";
}

function isStream(value: object): value is AsyncIterable<unknown> {
  return typeof (value as { constructCallResponse?: unknown }).constructCallResponse === "function";
}

function result<R>(response: R, steps: RunToolsStep<R>[], stoppedBy: RunToolsResult<R>["stoppedBy"]): RunToolsResult<R> {
  // A `responseModel` value counts with the response it came from.
  const turns = steps.map((s): unknown => (isTurn(s.response) ? s.response : responseOf(s.response))).filter(isTurn);
  const usage = addUsage(...turns.map((t) => t.usage));
  const costs = turns.map((t) => t.cost);
  const cost = costs.length > 0 && costs.every((c) => c !== undefined) ? costs.reduce((a, b) => a + b, 0) : undefined;
  return { response, steps, usage, cost, stoppedBy };
}
