// Errors: names, cross-copy isInstance, API-key redaction, and the status → class mapping of
// apiErrorFromResponse (request id, Retry-After, provider envelopes).
import { describe, expect, it } from "vitest";
import { readEnv } from "../../src/http/env.ts";
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NetworkError,
  NotFoundError,
  OverloadedError,
  ParseError,
  PromptcallError,
  RateLimitError,
  StreamError,
  TemplateError,
  TimeoutError,
  ToolArgumentsError,
  ValidationError,
} from "../../src/errors/index.ts";
import { apiErrorFromResponse } from "../../src/http/api-error-from-response.ts";
import { redactSecrets } from "../../src/errors/redact-secrets.ts";
import { fixtures } from "../fixtures/index.ts";

const apiInit = { status: 500, provider: "test" };
const KEY = "sk-test-7f3a9c2e1b4d8f6a0e5c9b3d7a1f4e8c";

/** Every class, a sample instance, and the classes whose isInstance must accept it. */
const samples: { name: string; error: PromptcallError; is: { isInstance(e: unknown): boolean }[] }[] = [
  { name: "PromptcallError", error: new PromptcallError("m"), is: [PromptcallError] },
  { name: "APIError", error: new APIError("m", apiInit), is: [PromptcallError, APIError] },
  { name: "AuthenticationError", error: new AuthenticationError("m", apiInit), is: [APIError, AuthenticationError] },
  { name: "RateLimitError", error: new RateLimitError("m", apiInit), is: [APIError, RateLimitError] },
  { name: "NotFoundError", error: new NotFoundError("m", apiInit), is: [APIError, NotFoundError] },
  { name: "BadRequestError", error: new BadRequestError("m", apiInit), is: [APIError, BadRequestError] },
  { name: "OverloadedError", error: new OverloadedError("m", apiInit), is: [APIError, OverloadedError] },
  { name: "InternalServerError", error: new InternalServerError("m", apiInit), is: [APIError, InternalServerError] },
  { name: "NetworkError", error: new NetworkError("m"), is: [PromptcallError, NetworkError] },
  { name: "TimeoutError", error: new TimeoutError("m"), is: [PromptcallError, TimeoutError] },
  { name: "StreamError", error: new StreamError("m", { provider: "p" }), is: [StreamError] },
  { name: "ParseError", error: new ParseError("m", { raw: "{" }), is: [ParseError] },
  { name: "ToolArgumentsError", error: new ToolArgumentsError("m", { toolName: "t", raw: "" }), is: [ToolArgumentsError] },
  { name: "ValidationError", error: new ValidationError("m", {}), is: [ValidationError] },
  { name: "TemplateError", error: new TemplateError("m"), is: [TemplateError] },
];
const allClasses = [
  PromptcallError,
  APIError,
  AuthenticationError,
  RateLimitError,
  NotFoundError,
  BadRequestError,
  OverloadedError,
  InternalServerError,
  NetworkError,
  TimeoutError,
  StreamError,
  ParseError,
  ToolArgumentsError,
  ValidationError,
  TemplateError,
];

describe("error classes", () => {
  for (const { name, error, is } of samples) {
    it(`${name}: name is the class name, it is an Error, and isInstance follows the hierarchy`, () => {
      expect(error.name).toBe(name);
      expect(error).toBeInstanceOf(Error);
      expect(error.message).toBe("m");
      expect(String(error)).toBe(`${name}: m`);
      expect(PromptcallError.isInstance(error)).toBe(true);
      for (const cls of is) expect(cls.isInstance(error)).toBe(true);
      const accepted = allClasses.filter((cls) => cls.isInstance(error));
      expect(accepted.length).toBe(new Set([PromptcallError, ...is]).size);
    });
  }

  it("passes cause through, and has no cause property when none was given", () => {
    const cause = new TypeError("fetch failed");
    const error = new NetworkError("Could not reach the API.", { cause });
    expect(error.cause).toBe(cause);
    expect("cause" in new NetworkError("x")).toBe(false);
    expect(new APIError("x", { ...apiInit, cause: "why" }).cause).toBe("why");
  });

  it("isInstance is false for other values", () => {
    for (const value of [new Error("x"), null, undefined, "PromptcallError", 42, {}, { name: "APIError" }]) {
      expect(PromptcallError.isInstance(value)).toBe(false);
      expect(APIError.isInstance(value)).toBe(false);
    }
  });

  it("isInstance recognises an error built by another copy of the library (same Symbol.for brand)", () => {
    // What a second bundled copy of promptcall would create: a different class, the same registry symbol.
    class OtherCopyRateLimitError extends Error {
      status = 429;
      constructor() {
        super("from the other copy");
        Object.defineProperty(this, Symbol.for("promptcall.error"), {
          value: ["PromptcallError", "APIError", "RateLimitError"],
        });
      }
    }
    const foreign = new OtherCopyRateLimitError();
    expect(foreign instanceof PromptcallError).toBe(false);
    expect(PromptcallError.isInstance(foreign)).toBe(true);
    expect(APIError.isInstance(foreign)).toBe(true);
    expect(RateLimitError.isInstance(foreign)).toBe(true);
    expect(AuthenticationError.isInstance(foreign)).toBe(false);
    expect(NetworkError.isInstance(foreign)).toBe(false);
  });

  it("keeps each error's data: status, content so far, raw text, tool name, issues, response", () => {
    const api = new APIError("m", { status: 429, provider: "openai", body: { a: 1 }, requestId: "req_1", retryAfterMs: 5 });
    expect([api.status, api.provider, api.requestId, api.retryAfterMs, api.isRetryable]).toEqual([429, "openai", "req_1", 5, true]);
    expect(new APIError("m", { status: 400, provider: "p" }).isRetryable).toBe(false);
    const stream = new StreamError("m", { provider: "anthropic", content: "Hello, wor", type: "overloaded_error" });
    expect([stream.content, stream.provider, stream.type]).toEqual(["Hello, wor", "anthropic", "overloaded_error"]);
    expect(new ParseError("m", { raw: "data: {oops" }).raw).toBe("data: {oops");
    const issues = [{ message: "Expected string", path: ["city"] }];
    const tool = new ToolArgumentsError("m", { toolName: "get_weather", raw: '{"city":1}', issues });
    expect([tool.toolName, tool.raw, tool.issues]).toEqual(["get_weather", '{"city":1}', issues]);
    const response = { content: "{}" };
    const validation = new ValidationError("m", { issues, raw: "{}", response });
    expect(validation.response).toBe(response);
    expect(validation.issues).toEqual(issues);
    expect(new NetworkError("m").isRetryable).toBe(true);
  });

  it("toJSON gives name, message and data, summarises the cause and leaves out the response", () => {
    const error = new ValidationError("bad output", { raw: "{}", response: { huge: true }, cause: new TypeError("t") });
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({ name: "ValidationError", message: "bad output", raw: "{}", cause: { name: "TypeError", message: "t" } });
    expect(json.response).toBeUndefined();
    const api = JSON.parse(JSON.stringify(new RateLimitError("slow down", { status: 429, provider: "openai", requestId: "r" })));
    expect(api).toMatchObject({
      name: "RateLimitError",
      message: "slow down",
      status: 429,
      provider: "openai",
      requestId: "r",
      isRetryable: true,
    });
  });
});

describe("API keys never leak", () => {
  /** Everything reachable from an error: message, own properties (enumerable or not), JSON. */
  function everything(error: Error): string {
    const props = Object.getOwnPropertyNames(error).map((k) => {
      const value = (error as unknown as Record<string, unknown>)[k];
      return typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
    });
    return [error.message, String(error), JSON.stringify(error), ...props].join("\n");
  }

  it("redacts a key the body, message and code echo back", () => {
    const bodyText = JSON.stringify({
      error: { message: `Incorrect API key provided: ${KEY}.`, type: "invalid_request_error", code: `bad_${KEY}`, param: KEY },
      echo: { headers: { authorization: `Bearer ${KEY}` }, list: [KEY] },
    });
    const error = apiErrorFromResponse({ provider: "openai", status: 401, bodyText, secrets: [KEY] });
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(everything(error)).not.toContain(KEY);
    expect(error.message).toContain("Incorrect API key provided: [redacted]");
    expect((error.body as { echo: { list: string[] } }).echo.list).toEqual(["[redacted]"]);
  });

  it("redacts a key in an explicit message, a parsed body and a plain-text body", () => {
    const fromParsed = apiErrorFromResponse({
      provider: "google",
      status: 400,
      message: `API key ${KEY} not valid`,
      body: { detail: [`key=${KEY}`] },
      secrets: [KEY],
    });
    expect(everything(fromParsed)).not.toContain(KEY);
    const fromText = apiErrorFromResponse({ provider: "x", status: 502, bodyText: `upstream said ${KEY} `.repeat(100), secrets: [KEY] });
    expect(everything(fromText)).not.toContain(KEY);
    // Shortening a long message never leaves a piece of the key behind.
    expect(everything(fromText)).not.toContain(KEY.slice(0, 12));
  });

  it("redactSecrets replaces every occurrence, longest secret first, and ignores empty secrets", () => {
    expect(redactSecrets(`a ${KEY} b ${KEY}`, [KEY])).toBe("a [redacted] b [redacted]");
    expect(redactSecrets("sk-abc-long", ["sk-abc", "sk-abc-long"])).toBe("[redacted]");
    expect(redactSecrets("unchanged", ["", undefined])).toBe("unchanged");
  });
});

describe("apiErrorFromResponse", () => {
  const byStatus: [number, string, boolean][] = [
    [400, "BadRequestError", false],
    [401, "AuthenticationError", false],
    [403, "AuthenticationError", false],
    [404, "NotFoundError", false],
    [408, "APIError", true],
    [409, "APIError", true],
    [418, "APIError", false],
    [422, "BadRequestError", false],
    [429, "RateLimitError", true],
    [500, "InternalServerError", true],
    [502, "InternalServerError", true],
    [503, "OverloadedError", true],
    [529, "OverloadedError", true],
  ];
  for (const [status, name, retryable] of byStatus) {
    it(`maps HTTP ${status} to ${name} (retryable: ${retryable})`, () => {
      const error = apiErrorFromResponse({ provider: "p", status, bodyText: "" });
      expect(error.name).toBe(name);
      expect(error.status).toBe(status);
      expect(error.isRetryable).toBe(retryable);
      expect(APIError.isInstance(error)).toBe(true);
      expect(error.message).toContain(`HTTP ${status}`);
    });
  }

  it("reads status and headers from a Response: request id and retry-after-ms", () => {
    const response = new Response("{}", { status: 429, headers: { "x-request-id": "req_abc", "retry-after-ms": "1500" } });
    const error = apiErrorFromResponse({ provider: "openai", response, bodyText: "{}" });
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.requestId).toBe("req_abc");
    expect(error.retryAfterMs).toBe(1500);
    expect(error.message).toContain("req_abc");
  });

  it("reads request-id, retry-after in seconds, and a plain header record", () => {
    const error = apiErrorFromResponse({ provider: "anthropic", status: 529, headers: { "Request-Id": "req_9", "Retry-After": "3" } });
    expect(error.requestId).toBe("req_9");
    expect(error.retryAfterMs).toBe(3000);
    expect(apiErrorFromResponse({ provider: "p", status: 500 }).retryAfterMs).toBeUndefined();
  });

  it("honours x-should-retry over the status", () => {
    const headers = new Headers({ "x-should-retry": "false" });
    expect(apiErrorFromResponse({ provider: "p", status: 500, headers }).isRetryable).toBe(false);
    const yes = new Headers({ "x-should-retry": "true" });
    expect(apiErrorFromResponse({ provider: "p", status: 400, headers: yes }).isRetryable).toBe(true);
  });

  it("reads OpenAI's envelope (recorded 404): message, code, type", () => {
    const error = apiErrorFromResponse({ provider: "openai", status: 404, bodyText: fixtures["openai/error_404_model_not_found.json"] });
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect(error.code).toBe("model_not_found");
    expect(error.type).toBe("invalid_request_error");
    expect(error.param).toBeUndefined();
    expect(error.message).toContain("The model `gpt-5.2-proo` does not exist");
    expect(error.message).toContain("model name");
  });

  it("treats OpenAI's insufficient_quota 429 (recorded) as a rate limit that is not retryable", () => {
    const error = apiErrorFromResponse({ provider: "openai", status: 429, bodyText: fixtures["openai/error_429_insufficient_quota.json"] });
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain("billing");
  });

  it("reads Anthropic's envelope (recorded 404), including the body's request_id", () => {
    const error = apiErrorFromResponse({ provider: "anthropic", status: 404, bodyText: fixtures["anthropic/error_404_not_found.json"] });
    expect(error.type).toBe("not_found_error");
    expect(error.requestId).toBe("req_011CdufXo8Y2LVfY2veyuQWG");
    expect(error.message).toContain("model: claude-sonet-4-5");
  });

  it("reads Gemini's envelope (recorded 404): status as type, numeric code dropped", () => {
    const error = apiErrorFromResponse({ provider: "google", status: 404, bodyText: fixtures["gemini/error_404_not_found.json"] });
    expect(error.type).toBe("NOT_FOUND");
    expect(error.code).toBeUndefined();
    expect(error.message).toContain("gemini-3.6-flahs is not found");
    expect((error.body as { error: { code: number } }).error.code).toBe(404);
  });

  it("keeps a non-JSON body as text and strips an HTML error page to its words", () => {
    const text = apiErrorFromResponse({ provider: "p", status: 502, bodyText: "Bad gateway" });
    expect(text.body).toBe("Bad gateway");
    expect(text.message).toContain("Bad gateway");
    const html = apiErrorFromResponse({ provider: "p", status: 502, bodyText: "<html><body><h1>502 Bad Gateway</h1></body></html>" });
    expect(html.message).toContain("502 Bad Gateway");
    expect(html.message).not.toContain("<h1>");
  });

  it("prefers the provider's own message, code, type and param", () => {
    const error = apiErrorFromResponse({
      provider: "p",
      status: 400,
      body: { error: { message: "from body" } },
      message: "from provider",
      code: "c",
      type: "t",
      param: "messages",
    });
    expect(error.message).toContain("from provider");
    expect([error.code, error.type, error.param]).toEqual(["c", "t", "messages"]);
  });
});

describe("readEnv", () => {
  it("reads process.env, then Deno.env, and skips empty values", () => {
    expect(readEnv("K", { process: { env: { K: "from-process" } } })).toBe("from-process");
    // Deno is read only where the variable's permission is granted (querySync), so it never prompts.
    const granted = { querySync: () => ({ state: "granted" }) };
    expect(readEnv("K", { Deno: { permissions: granted, env: { get: (n) => (n === "K" ? "from-deno" : undefined) } } })).toBe("from-deno");
    expect(readEnv("K", { process: { env: { K: "" } }, Deno: { permissions: granted, env: { get: () => "deno" } } })).toBe("deno");
    expect(readEnv("K", {})).toBeUndefined();
  });

  it("returns undefined where reading is not permitted (Deno without --allow-env throws)", () => {
    const denied = {
      Deno: {
        env: {
          get: (): string => {
            throw new Error("NotCapable: requires env access");
          },
        },
      },
    };
    expect(readEnv("K", denied)).toBeUndefined();
    expect(() => readEnv("PROMPTCALL_SURELY_UNSET_VARIABLE")).not.toThrow();
    expect(readEnv("PROMPTCALL_SURELY_UNSET_VARIABLE")).toBeUndefined();
  });
});
