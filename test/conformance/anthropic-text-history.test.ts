// A plain text history takes a short path past the Anthropic message converter (which then never
// loads). Both must give the same request: the short path is checked against `convertMessages` on
// every history it accepts, and must decline the ones that need the converter.
import { describe, expect, it } from "vitest";
import { convertMessages } from "../../src/providers/anthropic/convert-messages.ts";
import { textHistory } from "../../src/providers/anthropic/text-history.ts";

const accepted: unknown[][] = [
  [{ role: "user", content: "Hi" }],
  [
    { role: "system", content: "Be brief." },
    { role: "user", content: "Hi" },
  ],
  [
    { role: "system", content: "A" },
    { role: "system", content: "" },
    { role: "user", content: "Hi" },
    { role: "system", content: "B" },
  ],
  [
    { role: "user", content: "Hi" },
    { role: "assistant", content: "Hello" },
    { role: "user", content: "Bye", name: "native extra" },
  ],
  [
    { role: "system", content: "" },
    { role: "user", content: "x" },
  ],
];

const declined: unknown[][] = [
  [
    { role: "user", content: "a" },
    { role: "user", content: "b" },
  ], // merged by the converter
  [{ role: "user", content: "" }], // dropped by the converter
  [{ role: "tool", content: "42" }], // an error from the converter
  [{ role: "developer", content: "x" }],
  [{ role: "user", content: [{ type: "text", text: "parts" }] }],
  [null],
  ["just a string"],
];

describe("Anthropic text histories", () => {
  it("convert exactly as convertMessages converts them", () => {
    for (const history of accepted) expect(textHistory(history), JSON.stringify(history)).toEqual(convertMessages(history));
  });

  it("are declined when the converter must merge, drop, reject or convert something", () => {
    for (const history of declined) expect(textHistory(history), JSON.stringify(history)).toBeUndefined();
  });
});
