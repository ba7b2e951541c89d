// Runs the samples of docs/providers-vertex.md verbatim against recorded Gemini and Anthropic
// responses (Vertex answers with the same bodies) and a replayed token endpoint.
import { describe, expect, it } from "vitest";
import { llm as realLlm } from "promptcall";
import { vertex as realVertex, vertexAnthropic as realVertexAnthropic } from "promptcall/vertex";
import { createReplayFetch, type RecordedRequest } from "promptcall/testing";
import { fixtures } from "../fixtures/index.ts";
import { testRsaKey } from "./support/test-rsa-key.ts";

/** `vertex` and `vertexAnthropic` whose calls go to `fetch`. */
function vertexWith(fetch: typeof globalThis.fetch): { vertex: typeof realVertex; vertexAnthropic: typeof realVertexAnthropic } {
  const withFetch = (call: any) => (o: any, fn: any) => call({ ...o, client: { ...o.client, fetch } }, fn);
  return {
    vertex: { ...realVertex, call: withFetch(realVertex.call) },
    vertexAnthropic: { ...realVertexAnthropic, call: withFetch(realVertexAnthropic.call) },
  };
}

/** A service-account key file (JSON text) with a freshly generated private key. */
async function keyFile(): Promise<string> {
  const { pem } = await testRsaKey();
  return JSON.stringify({
    type: "service_account",
    project_id: "docs-project",
    client_email: "docs@docs-project.iam.gserviceaccount.com",
    private_key: pem,
  });
}

describe("docs/providers-vertex.md", () => {
  it("Gemini with an access token", async () => {
    const replay = createReplayFetch({ body: fixtures["gemini/generate_text.json"] });
    const { vertex } = vertexWith(replay);
    const accessToken = "ya29.docs";

    const ask = vertex.call(
      { model: "gemini-2.5-flash", client: { project: "my-project", location: "us-central1", accessToken } },
      (question: string) => question,
    );
    const response = await ask("What is Vertex AI?");
    response.content; // "…"
    response.finishReasons; // ["STOP"]

    expect(response.content).toBe("Hello! How can I help you today?");
    expect(response.finishReasons).toEqual(["STOP"]);
    expect(replay.requests[0]!.url).toBe(
      "https://us-central1-aiplatform.googleapis.com/v1/projects/my-project/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent",
    );
  });

  it("Claude, streamed from the global endpoint", async () => {
    const replay = createReplayFetch({ body: fixtures["anthropic/stream_text_docs.sse"] });
    const { vertexAnthropic } = vertexWith(replay);
    const accessToken = async () => "ya29.docs";
    const printed: string[] = [];
    const console = { log: (text: string) => printed.push(text) };

    const claude = vertexAnthropic.call(
      { model: "claude-sonnet-4-5@20250929", stream: true, client: { project: "my-project", location: "global", accessToken } },
      (question: string) => question,
    );
    for await (const [chunk] of await claude("What is Vertex AI?")) {
      console.log(chunk.content);
    }

    expect(printed.join("")).toBe("Hello!");
    const request = replay.requests[0] as RecordedRequest & { json: Record<string, unknown> };
    expect(request.url).toBe(
      "https://aiplatform.googleapis.com/v1/projects/my-project/locations/global/publishers/anthropic/models/claude-sonnet-4-5@20250929:streamRawPredict",
    );
    expect(request.json.anthropic_version).toBe("vertex-2023-10-16");
  });

  it("a Worker with a service-account key in a secret binding", async () => {
    const replay = createReplayFetch((req) =>
      req.url === "https://oauth2.googleapis.com/token"
        ? { body: JSON.stringify({ access_token: "ya29.worker", expires_in: 3599, token_type: "Bearer" }) }
        : { body: fixtures["gemini/generate_text.json"] },
    );
    const { vertex } = vertexWith(replay);

    const worker = {
      async fetch(request: Request, env: { GCP_SERVICE_ACCOUNT_KEY: string }): Promise<Response> {
        const summarize = vertex.call(
          { model: "gemini-2.5-flash", client: { serviceAccountKey: env.GCP_SERVICE_ACCOUNT_KEY, location: "europe-west4" } },
          (text: string) => `Summarize in one sentence: ${text}`,
        );
        const response = await summarize(await request.text());
        return new Response(response.content);
      },
    };

    const env = { GCP_SERVICE_ACCOUNT_KEY: await keyFile() };
    const answer = await worker.fetch(new Request("https://worker.example/", { method: "POST", body: "A long text." }), env);
    expect(await answer.text()).toBe("Hello! How can I help you today?");
    expect(replay.requests.map((r) => r.url)).toEqual([
      "https://oauth2.googleapis.com/token",
      "https://europe-west4-aiplatform.googleapis.com/v1/projects/docs-project/locations/europe-west4/publishers/google/models/gemini-2.5-flash:generateContent",
    ]);
    expect(replay.requests[1]!.headers.authorization).toBe("Bearer ya29.worker");
  });

  it("through llm: vertex/claude-… goes to Claude on Vertex", async () => {
    const replay = createReplayFetch({ body: fixtures["anthropic/text.json"] });
    const llm = {
      ...realLlm,
      call: ((o: any, fn: any) => realLlm.call({ ...o, client: { ...o.client, fetch: replay } }, fn)) as typeof realLlm.call,
    };
    const accessToken = "ya29.docs";

    const ask = llm.call(
      { model: "vertex/claude-haiku-4-5@20251001", client: { project: "my-project", location: "us-east5", accessToken } },
      (question: string) => question,
    );
    const response = await ask("What is Vertex AI?");
    response.provider; // "vertex-anthropic"

    expect(response.provider).toBe("vertex-anthropic");
    expect(replay.requests[0]!.url).toBe(
      "https://us-east5-aiplatform.googleapis.com/v1/projects/my-project/locations/us-east5/publishers/anthropic/models/claude-haiku-4-5@20251001:rawPredict",
    );
  });
});
