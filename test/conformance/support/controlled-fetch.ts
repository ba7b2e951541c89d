// A fetch whose upstream does what a test plans: never answer, answer then stall, drip, close; it logs
// whether the client let go. Shared by the reliability-hangs tests.

/** What the controlled upstream does with one request. */
export interface Upstream {
  /** false: never sends headers. */
  answer?: boolean;
  status?: number;
  type?: string;
  parts?: (string | Uint8Array)[];
  /** Waits this long before each part after the first. */
  gapMs?: number;
  /** After the parts: "close" (default) or "stall" (the connection stays open). */
  end?: "close" | "stall";
}

/** What the upstream saw: requests, and whether the client let go (aborted the fetch or cancelled the body). */
export interface UpstreamLog {
  requests: number;
  aborted: boolean;
  cancelled: boolean;
}

/**
 * A `fetch` that behaves as `plans` says (a list: one per request, the last one repeated) and, like a real one, rejects with the signal's reason when
 * it aborts before the headers and errors the body when it aborts after them.
 */
export function controlledFetch(plans: Upstream | Upstream[]): { fetch: typeof globalThis.fetch; log: UpstreamLog } {
  const log: UpstreamLog = { requests: 0, aborted: false, cancelled: false };
  const encoder = new TextEncoder();
  const fetch = (_input: unknown, init?: RequestInit): Promise<Response> =>
    new Promise((resolve, reject) => {
      log.requests++;
      const plan = Array.isArray(plans) ? plans[Math.min(log.requests, plans.length) - 1] : plans;
      const signal = init?.signal ?? undefined;
      let body: ReadableStreamDefaultController<Uint8Array> | undefined;
      const onAbort = () => {
        log.aborted = true;
        reject(signal?.reason);
        try {
          body?.error(signal?.reason);
        } catch {
          // closed already
        }
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener("abort", onAbort, { once: true });
      if (plan.answer === false) return;
      const parts = plan.parts ?? [];
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>(
        {
          start(c) {
            body = c;
          },
          async pull(c) {
            if (sent < parts.length) {
              if (sent > 0 && plan.gapMs) await new Promise((r) => setTimeout(r, plan.gapMs));
              const part = parts[sent++];
              c.enqueue(typeof part === "string" ? encoder.encode(part) : part);
              return;
            }
            if (plan.end === "stall") return new Promise<void>(() => {});
            signal?.removeEventListener("abort", onAbort);
            c.close();
          },
          cancel() {
            log.cancelled = true;
          },
        },
        { highWaterMark: 0 },
      );
      resolve(new Response(stream, { status: plan.status ?? 200, headers: { "content-type": plan.type ?? "text/event-stream" } }));
    });
  return { fetch: fetch as typeof globalThis.fetch, log };
}
