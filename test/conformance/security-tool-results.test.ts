// A tool's failure goes back to the model as text (issue 16: tools never lose a turn). A tool that
// fails with a message quoting a key the library has used (e.g. a tool that calls the same
// provider) must not send that key to the model: the model could repeat it to the user.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool } from "../../src/index.ts";
import { openai } from "../../src/providers/openai/index.ts";
import { createReplayFetch, fixtureResponse } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";

const json = { headers: { "content-type": "application/json" } };

describe("tool error results never carry a used key", () => {
  it("the text of a tool that threw with the key in its message is redacted; the error itself keeps its class", async () => {
    const apiKey = "sk-proj-TOOLRESULT0123456789abcdefghijkl";
    const failure = new TypeError(`upstream rejected Authorization: Bearer ${apiKey}`);
    const getCapital = defineTool({
      name: "get_capital",
      description: "The capital of a country",
      parameters: z.object({ country: z.string() }),
      call: () => {
        throw failure;
      },
    });
    const fetch = createReplayFetch(fixtureResponse(fixtures["openai/chat_tool_call.json"], json));
    const response = await openai.call(
      { model: "gpt-4o-mini", tools: [getCapital], client: { apiKey, fetch } },
      () => "Capital of England?",
    )();
    const outputs = await response.executeTools();
    expect(outputs).toHaveLength(1);
    const [tool, text, error] = outputs[0] as [unknown, string, unknown];
    expect(tool).toBe(response.tool);
    expect(error).toBe(failure);
    expect(text).toContain('the tool "get_capital" failed');
    expect(text).not.toContain(apiKey);
    // What resume would send: the tool message params.
    expect(JSON.stringify(response.toolMessageParams(outputs))).not.toContain(apiKey);
  });
});
