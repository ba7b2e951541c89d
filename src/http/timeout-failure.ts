import { PromptcallError } from "../errors/index.ts";
import { TimeoutError, type TimeoutPhase } from "../errors/index.ts";

const WHAT: Record<TimeoutPhase, string> = {
  attempt: "did not send its response headers within",
  idle: "sent no further data for",
  total: "did not finish the call (retries included) within",
};

/** The `TimeoutError` for a limit that was hit, with a message that says which option to raise. */
export function timeoutFailure(phase: TimeoutPhase, ms: number, provider: string): TimeoutError {
  return new TimeoutError(
    `${provider} ${WHAT[phase]} ${ms} ms (timeout.${phase}Ms). Raise the call's \`timeout\` option if the model needs longer, or check the server.`,
    { timeoutMs: ms, phase },
  );
}

/** The error for a `timeout` option that is not a positive number of milliseconds. */
export function invalidTimeout(key: string, value: unknown): PromptcallError {
  return new PromptcallError(
    `The call's timeout.${key} must be a positive number of milliseconds (Infinity for no limit), not ${String(value)}.`,
  );
}
