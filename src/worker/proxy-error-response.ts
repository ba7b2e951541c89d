import { addCors } from "./proxy-headers.ts";

/**
 * A JSON error in the envelope OpenAI-style clients read (`{ error: { type, message } }`), so a
 * promptcall provider pointed at the proxy raises a typed error with this message.
 */
export function proxyErrorResponse(
  status: number,
  type: string,
  message: string,
  allowOrigin: string | undefined,
  extra?: Record<string, string>,
): Response {
  const headers = addCors(new Headers({ "content-type": "application/json", ...extra }), allowOrigin);
  return new Response(JSON.stringify({ error: { type, message } }), { status, headers });
}
