// A responseModel's ValidationError names the finish reason when it explains a bad output. It reads
// the normalised finish reasons (core/finish-reason.ts), so no provider's own strings are needed.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createScriptedProvider } from "../../src/testing/index.ts";

const Answer = z.object({ a: z.string() });

async function validationError(finishReason: string): Promise<Error> {
  const p = createScriptedProvider([{ text: "not json", finishReason }]);
  const outcome = await p
    .call({ model: "m", responseModel: Answer }, () => "x")()
    .then(
      () => new Error("expected a ValidationError"),
      (e: Error) => e,
    );
  return outcome;
}

describe("responseModel: the finish reason in a ValidationError", () => {
  it("names a cut-off by its normalised reason", async () => {
    const err = await validationError("length");
    expect(err.name).toBe("ValidationError");
    expect(err.message).toContain("(finish reason: length)");
  });

  it("names a content filter", async () => {
    expect((await validationError("content_filter")).message).toContain("(finish reason: content_filter)");
  });

  it("leaves out a provider's own word for a normal stop", async () => {
    // The scripted provider maps reasons it does not know to "stop", as every provider does.
    const err = await validationError("eos");
    expect(err.name).toBe("ValidationError");
    expect(err.message).not.toContain("finish reason");
  });

  it("leaves out a tool call (a forced tool is how some providers return structured output)", async () => {
    const err = await validationError("tool_calls");
    expect(err.name).toBe("ValidationError");
    expect(err.message).not.toContain("finish reason");
  });
});
