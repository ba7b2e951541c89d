// The errors a page's event-stream reader throws. Their messages load with the reader; the error classes (and
// the API error mapping) come with http's `failures` seam, loaded only when a read fails, so that a page that
// reads a healthy stream never downloads them.
import { failures } from "../http/seams.ts";

/** The name a `StreamError` or `APIError` from `readEventStream` gives as its provider. */
const SOURCE = "event-stream";

/** The typed error for a non-2xx response. */
export async function httpFailure(response: Response): Promise<Error> {
  return (await failures()).apiErrorFromResponse({ provider: SOURCE, response, bodyText: await response.text() });
}

/** The error for a response without a body. */
export async function noBody(): Promise<Error> {
  return new (await failures()).ParseError("The response has no body: expected a text/event-stream from toEventStreamResponse().");
}

/** The error for the server's own `error` event (its name becomes the code). */
export async function serverError(name: string, message: string, content: string, body: unknown): Promise<Error> {
  const { StreamError } = await failures();
  return new StreamError(`The server's stream failed with ${name}: ${message}`, { provider: SOURCE, content, code: name, body });
}

/** The error for a stream that ended without its `done` event. */
export async function incomplete(content: string): Promise<Error> {
  const { StreamError } = await failures();
  return new StreamError("The event stream ended before its done event: the connection was probably cut. Retry the request.", {
    provider: SOURCE,
    content,
    code: "incomplete",
    isRetryable: true,
  });
}

/** The error for a body that is not UTF-8. */
export async function invalidText(cause: unknown): Promise<Error> {
  const { ParseError } = await failures();
  return new ParseError("The event stream is not valid UTF-8: the response is not promptcall's event stream format.", { raw: "", cause });
}

/** The error for a line longer than the reader buffers. */
export async function tooLong(): Promise<Error> {
  const { ParseError } = await failures();
  return new ParseError(
    "An event stream line exceeded 8 Mi characters without ending: the response is not promptcall's event stream format.",
    { raw: "" },
  );
}

/** The error for a body read that failed (connection reset, network down). */
export async function readFailure(cause: unknown): Promise<Error> {
  const { NetworkError } = await failures();
  return new NetworkError("Reading the event stream failed: the connection was probably cut. Retry the request.", { cause });
}

/** The error for a known event whose data is not the documented JSON. */
export async function malformedEvent(type: string, problem: string, raw: string, cause?: unknown): Promise<Error> {
  const { ParseError } = await failures();
  return new ParseError(
    `The "${type}" event's data ${problem}. The response is not promptcall's event stream format; ` +
      "check that the server answers with toEventStreamResponse() from the same promptcall version.",
    { raw: raw.slice(0, 1024), ...(cause === undefined ? {} : { cause }) },
  );
}
