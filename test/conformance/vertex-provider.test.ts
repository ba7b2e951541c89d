// Gemini and Claude on Vertex AI: URLs for regional and global locations, request bodies and
// headers, and the recorded Gemini and Anthropic answers replayed through Vertex (Vertex answers
// with the same bodies). Formats: https://cloud.google.com/vertex-ai/generative-ai/docs/learn/locations
// (global endpoint), .../reference/rest/v1/projects.locations.publishers.models/generateContent, and
// https://docs.anthropic.com/en/api/claude-on-vertex-ai (no `model` in the body,
// `anthropic_version: "vertex-2023-10-16"`, :rawPredict / :streamRawPredict).
import { describe, expect, it } from "vitest";
import { AuthenticationError } from "../../src/errors/authentication-error.ts";
import { NotFoundError } from "../../src/errors/not-found-error.ts";
import { anthropic } from "../../src/providers/anthropic/index.ts";
import { google } from "../../src/providers/google/index.ts";
import { vertex, vertexAnthropic } from "../../src/providers/vertex/index.ts";
import { createReplayFetch, fixtureResponse, type RecordedRequest } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";

const GEMINI_TEXT = fixtures["gemini/generate_text.json"];
const GEMINI_STREAM = fixtures["gemini/stream_text_usage_live.sse"];
const CLAUDE_TEXT = fixtures["anthropic/text.json"];
const CLAUDE_STREAM = fixtures["anthropic/stream_text_docs.sse"];
const expected = (name: string) => JSON.parse(fixtures[name]!) as { text: string; finish_reasons: string[] };

type Sent = RecordedRequest & { json: Record<string, any> };

/** Runs `call` to its end (a stream is read whole) and returns its result and the request it sent. */
async function run(make: (fetch: typeof globalThis.fetch) => () => Promise<any>, body: string): Promise<{ result: any; req: Sent }> {
  const fetch = createReplayFetch(fixtureResponse(body));
  const result = await make(fetch)();
  if (Symbol.asyncIterator in result) for await (const _ of result) void _;
  expect(fetch.requests).toHaveLength(1);
  return { result, req: fetch.requests[0] as Sent };
}

describe("vertex: Gemini", () => {
  it("posts to {location}-aiplatform.googleapis.com/.../publishers/google/models/{model}:generateContent with a bearer token", async () => {
    const client = (fetch: typeof globalThis.fetch) => ({
      fetch,
      project: "my-project",
      location: "us-central1",
      accessToken: "ya29.test",
    });
    const { result, req } = await run(
      (fetch) => vertex.call({ model: "gemini-2.5-flash", client: client(fetch) }, () => "Hello"),
      GEMINI_TEXT,
    );
    expect(req.method).toBe("POST");
    expect(req.url).toBe(
      "https://us-central1-aiplatform.googleapis.com/v1/projects/my-project/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent",
    );
    expect(req.headers.authorization).toBe("Bearer ya29.test");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers["x-goog-api-key"]).toBeUndefined();
    expect(result.content).toBe(expected("gemini/generate_text.expect.json").text);
    expect(result.finishReasons).toEqual(["STOP"]);
    expect(result.provider).toBe("vertex");
  });

  it("sends the Gemini API's GenerateContentRequest unchanged", async () => {
    const options = { model: "gemini-2.5-flash", callParams: { generationConfig: { temperature: 0.2 } } };
    const prompt = () => [
      { role: "system" as const, content: "Be brief." },
      { role: "user" as const, content: "Hello" },
    ];
    const viaVertex = await run(
      (fetch) => vertex.call({ ...options, client: { fetch, project: "p", location: "europe-west4", accessToken: "t" } }, prompt),
      GEMINI_TEXT,
    );
    const direct = await run((fetch) => google.call({ ...options, client: { fetch, apiKey: "k" } }, prompt), GEMINI_TEXT);
    expect(viaVertex.req.json).toEqual(direct.req.json);
    expect(viaVertex.req.json.systemInstruction).toEqual({ parts: [{ text: "Be brief." }] });
    expect(viaVertex.req.json.generationConfig).toEqual({ temperature: 0.2 });
  });

  it("streams from the global endpoint aiplatform.googleapis.com with :streamGenerateContent?alt=sse", async () => {
    const { result, req } = await run(
      (fetch) =>
        vertex.call(
          {
            model: "gemini-2.5-flash",
            stream: true,
            client: { fetch, project: "my-project", location: "global", accessToken: () => "ya29.fn" },
          },
          () => "Count",
        ),
      GEMINI_STREAM,
    );
    expect(req.url).toBe(
      "https://aiplatform.googleapis.com/v1/projects/my-project/locations/global/publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
    );
    expect(req.headers.authorization).toBe("Bearer ya29.fn");
    expect(result.content).toBe(expected("gemini/stream_text_usage_live.expect.json").text);
  });

  it("maps Vertex's Google error envelope with the Google provider's mapping", async () => {
    const fetch = createReplayFetch(fixtureResponse(fixtures["gemini/error_404_not_found.json"]!, { status: 404 }));
    const call = vertex.call(
      { model: "gemini-3.6-flahs", retry: false, client: { fetch, project: "p", accessToken: "secret-token" } },
      () => "hi",
    );
    const error = await call().catch((e: unknown) => e);
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect(JSON.stringify(error)).not.toContain("secret-token");
  });
});

describe("vertex: Claude", () => {
  it("posts to .../publishers/anthropic/models/{model}:rawPredict: no model in the body, anthropic_version vertex-2023-10-16", async () => {
    const { result, req } = await run(
      (fetch) =>
        vertexAnthropic.call(
          { model: "claude-haiku-4-5@20251001", client: { fetch, project: "my-project", location: "us-east5", accessToken: "ya29.test" } },
          () => "Hello",
        ),
      CLAUDE_TEXT,
    );
    expect(req.url).toBe(
      "https://us-east5-aiplatform.googleapis.com/v1/projects/my-project/locations/us-east5/publishers/anthropic/models/claude-haiku-4-5@20251001:rawPredict",
    );
    expect(req.json).toEqual({ anthropic_version: "vertex-2023-10-16", max_tokens: 8192, messages: [{ role: "user", content: "Hello" }] });
    expect(req.headers.authorization).toBe("Bearer ya29.test");
    expect(req.headers["anthropic-version"]).toBeUndefined();
    expect(req.headers["x-api-key"]).toBeUndefined();
    expect(result.content).toBe(expected("anthropic/text.expect.json").text);
    expect(result.finishReasons).toEqual(["end_turn"]);
  });

  it("sends the Messages API body otherwise unchanged, and anthropic-beta as a header", async () => {
    const options = { model: "claude-sonnet-4-5@20250929", callParams: { temperature: 0.3, max_tokens: 100 } };
    const prompt = () => [
      { role: "system" as const, content: "Be brief." },
      { role: "user" as const, content: "Hello" },
    ];
    const viaVertex = await run(
      (fetch) =>
        vertexAnthropic.call(
          { ...options, client: { fetch, project: "p", location: "us-east5", accessToken: "t", anthropicBeta: ["b-1"] } },
          prompt,
        ),
      CLAUDE_TEXT,
    );
    const direct = await run((fetch) => anthropic.call({ ...options, client: { fetch, apiKey: "k" } }, prompt), CLAUDE_TEXT);
    const { model, ...rest } = direct.req.json;
    expect(model).toBe("claude-sonnet-4-5@20250929");
    expect(viaVertex.req.json).toEqual({ anthropic_version: "vertex-2023-10-16", ...rest });
    expect(viaVertex.req.headers["anthropic-beta"]).toBe("b-1");
  });

  it("streams from the global endpoint with :streamRawPredict", async () => {
    const { result, req } = await run(
      (fetch) =>
        vertexAnthropic.call(
          {
            model: "claude-sonnet-4-5@20250929",
            stream: true,
            client: { fetch, project: "my-project", location: "global", accessToken: "ya29.test" },
          },
          () => "Hello",
        ),
      CLAUDE_STREAM,
    );
    expect(req.url).toBe(
      "https://aiplatform.googleapis.com/v1/projects/my-project/locations/global/publishers/anthropic/models/claude-sonnet-4-5@20250929:streamRawPredict",
    );
    expect(req.json.stream).toBe(true);
    expect(req.json.model).toBeUndefined();
    expect(result.content).toBe("Hello!");
  });
});

describe("vertex: client", () => {
  it("rejects a call without credentials before any request", async () => {
    const fetch = createReplayFetch([]);
    const error = await vertex
      .call({ model: "gemini-2.5-flash", client: { fetch, project: "p" } }, () => "hi")()
      .catch((e: unknown) => e);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/accessToken.*serviceAccountKey/);
    expect(fetch.requests).toHaveLength(0);
  });

  it("sends no credentials to a proxy baseURL, with the project path appended", async () => {
    const { req } = await run(
      (fetch) =>
        vertexAnthropic.call(
          { model: "claude-haiku-4-5", client: { fetch, project: "p", location: "europe-west1", baseURL: "https://proxy.example/v1/" } },
          () => "hi",
        ),
      CLAUDE_TEXT,
    );
    expect(req.url).toBe(
      "https://proxy.example/v1/projects/p/locations/europe-west1/publishers/anthropic/models/claude-haiku-4-5:rawPredict",
    );
    expect(req.headers.authorization).toBeUndefined();
  });
});
