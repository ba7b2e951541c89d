// A Cloudflare Worker that streams an OpenAI reply to the browser as promptcall's SSE events.
//   GET  /               the chat page (examples/browser, inlined by build.mjs)
//   POST /chat {message} the reply as events: text deltas, then usage and done (toEventStreamResponse)
//   POST /llm/openai/*   a key-keeping proxy for pages that call the provider themselves (PROXY_TOKEN required)
// The API key stays here: the page never sees it. When the page goes away (tab closed, fetch
// aborted), the Worker's response body is cancelled, which aborts the upstream OpenAI request.
import { APIError, PromptcallError, prompt } from "promptcall";
import { createProxyHandler, toEventStreamResponse } from "promptcall/worker";
import { openai } from "promptcall/openai";
import { appJs, indexHtml } from "virtual:browser-assets";

/** The Worker's bindings: set OPENAI_API_KEY as a secret; the others are optional vars. */
export interface Env {
  OPENAI_API_KEY?: string;
  /** Another OpenAI-compatible endpoint, e.g. a local server: "http://127.0.0.1:8788/v1". */
  OPENAI_BASE_URL?: string;
  MODEL?: string;
  /**
   * The token a page must send (as its `apiKey`, i.e. `authorization: Bearer …`) to use /llm/openai.
   * Without it the proxy refuses everyone: an open proxy lets anyone spend the key. A real app
   * checks its own session here, and rate-limits per user (see docs/workers-and-browsers.md).
   */
  PROXY_TOKEN?: string;
}

const MAX_MESSAGE_CHARS = 4000;

/** The call, made per request so that it carries the request's signal. */
const chat = (env: Env, signal: AbortSignal) =>
  openai.call(
    {
      model: env.MODEL ?? "gpt-4o-mini",
      stream: true,
      client: { apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL },
      // With the `enable_request_signal` compatibility flag this also stops a call whose client left
      // before the first byte; without it the signal never fires, and the cancelled response body
      // aborts the call instead (that is what the tests check: they run with no flags).
      signal,
    },
    (message: string) => prompt`SYSTEM: You are a friendly assistant. Answer in a few sentences.
USER: ${message}`,
  );

/** Answers POST /chat with the reply streamed as events. */
async function handleChat(request: Request, env: Env): Promise<Response> {
  if (!env.OPENAI_API_KEY) {
    return errorResponse(
      500,
      "missing_api_key",
      "The Worker has no OPENAI_API_KEY: set it with `wrangler secret put OPENAI_API_KEY` (or in .dev.vars).",
    );
  }
  const message = await readMessage(request);
  if (message instanceof Response) return message;
  try {
    const stream = await chat(env, request.signal)(message);
    return toEventStreamResponse(stream, { onError: (error) => console.error("chat stream failed:", error) });
  } catch (error) {
    // Raised before any byte was sent (bad key, rate limit, unreachable provider): a plain JSON error
    // that readEventStream turns back into the matching typed error in the page.
    if (!PromptcallError.isInstance(error)) throw error;
    const status = APIError.isInstance(error) ? error.status : 502;
    return errorResponse(status, error.name, error.message);
  }
}

async function readMessage(request: Request): Promise<string | Response> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return errorResponse(400, "invalid_json", 'Send a JSON body like {"message": "Hello"}.');
  }
  const message = (body as { message?: unknown } | null)?.message;
  if (typeof message !== "string" || message.trim() === "") {
    return errorResponse(400, "invalid_message", 'The body needs a non-empty "message" string.');
  }
  if (message.length > MAX_MESSAGE_CHARS) {
    return errorResponse(413, "message_too_long", `Messages are limited to ${MAX_MESSAGE_CHARS} characters.`);
  }
  return message;
}

/** An error in the envelope promptcall reads (`{"error": {"type", "message"}}`). */
function errorResponse(status: number, type: string, message: string): Response {
  return Response.json({ error: { type, message } }, { status });
}

function proxy(request: Request, env: Env): Promise<Response> {
  if (!env.OPENAI_API_KEY) return Promise.resolve(errorResponse(500, "missing_api_key", "The Worker has no OPENAI_API_KEY."));
  const openaiConfig = { apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, models: [env.MODEL ?? "gpt-4o-mini"] };
  const token = env.PROXY_TOKEN;
  const authorize = (incoming: Request) =>
    token !== undefined && token !== "" && incoming.headers.get("authorization") === `Bearer ${token}`;
  return createProxyHandler({ providers: { openai: openaiConfig }, prefix: "/llm", authorize, maxTokens: 1024 })(request);
}

const html = (body: string, type: string) => new Response(body, { headers: { "content-type": `${type}; charset=utf-8` } });

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith("/llm/")) return proxy(request, env);
    if (pathname === "/chat") {
      return request.method === "POST" ? handleChat(request, env) : errorResponse(405, "method_not_allowed", "POST your message to /chat.");
    }
    if (request.method !== "GET" && request.method !== "HEAD") return errorResponse(405, "method_not_allowed", "Only GET here.");
    if (pathname === "/") return html(indexHtml, "text/html");
    if (pathname === "/app.js") return html(appJs, "text/javascript");
    return errorResponse(404, "not_found", `Nothing at ${pathname}: open / for the chat page.`);
  },
};
