// The chat page's script: POSTs the message to the Worker's /chat and paints the reply as its
// events arrive. The API key never comes here; the Worker holds it. Bundled by
// examples/worker/build.mjs (esbuild, platform "browser") and served by the Worker as /app.js.
import { PromptcallError } from "promptcall";
import { readEventStream } from "promptcall/browser";

const form = document.querySelector<HTMLFormElement>("#chat")!;
const input = document.querySelector<HTMLInputElement>("#message")!;
const stop = document.querySelector<HTMLButtonElement>("#stop")!;
const reply = document.querySelector<HTMLElement>("#reply")!;
const status = document.querySelector<HTMLElement>("#status")!;

let current: AbortController | undefined;

/** `data-state` on #reply says where the reply is: idle, streaming, done, stopped or error. */
function setState(state: "streaming" | "done" | "stopped" | "error", text: string): void {
  reply.dataset.state = state;
  status.textContent = text;
  stop.disabled = state !== "streaming";
}

async function ask(message: string, signal: AbortSignal): Promise<void> {
  reply.textContent = "";
  setState("streaming", "Streaming…");
  const response = await fetch("/chat", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ message }),
    signal,
  });
  for await (const event of readEventStream(response, { signal })) {
    if (event.type === "text") reply.textContent += event.delta;
    if (event.type === "usage") {
      const tokens = event.usage ? `${event.usage.totalTokens} tokens` : "usage unknown";
      const cost = event.cost === null ? "" : `, $${event.cost.toFixed(6)}`;
      setState("done", `Done: ${event.model}, ${tokens}${cost}.`);
    }
  }
}

form.addEventListener("submit", (submit) => {
  submit.preventDefault();
  current?.abort(new DOMException("A new message replaced this one.", "AbortError"));
  const controller = new AbortController();
  current = controller;
  ask(input.value, controller.signal).catch((error: unknown) => {
    if (controller.signal.aborted) {
      if (current === controller) setState("stopped", "Stopped.");
      return;
    }
    // readEventStream throws typed errors: an APIError for the Worker's JSON errors, a StreamError
    // when the stream reports a failure or is cut before its end.
    const name = PromptcallError.isInstance(error) ? error.name : "Error";
    setState("error", `${name}: ${error instanceof Error ? error.message : String(error)}`);
  });
});

// Aborting cancels the response body; the Worker sees that and aborts its upstream request.
stop.addEventListener("click", () => current?.abort(new DOMException("Stopped by the user.", "AbortError")));
