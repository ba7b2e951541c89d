// A plain text history takes a short path past the Gemini message converter (which then never
// loads). Both must give the same request: the short path is checked against `convertMessages` on
// every history it accepts, and must decline the ones that need the converter.
import { describe, expect, it } from "vitest";
import { convertMessages } from "../../src/providers/google/convert-messages.ts";
import { textHistory } from "../../src/providers/google/text-history.ts";

const accepted: unknown[][] = [
  [],
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
    { role: "user", content: "Bye" },
  ],
  [
    { role: "user", content: "a" },
    { role: "user", content: "b" },
    { role: "tool", content: "42" },
  ], // joined into one content
  [
    { role: "assistant", content: "a" },
    { role: "assistant", content: "" },
    { role: "assistant", content: "b" },
  ],
  [{ role: "user", content: "" }], // dropped: no contents at all
  [
    { role: "user", content: "a" },
    { role: "assistant", content: "" },
    { role: "user", content: "b" },
  ], // joined across the dropped one
  [
    { role: "system", content: "" },
    { role: "user", content: "x" },
  ],
  [
    { role: "user", content: "a" },
    { role: "system", content: "S" },
    { role: "user", content: "b" },
    { role: "assistant", content: "c" },
  ],
  [{ content: "x", role: "user" }],
];

const declined: unknown[] = [
  { role: "user", content: "Bye", name: "extra" }, // not a neutral message: the converter rejects it
  { role: "developer", content: "x" },
  { role: "model", content: "x" },
  { role: "user", content: [{ type: "text", text: "parts" }] },
  { role: "user", parts: [{ text: "native" }] },
  { role: "user" },
  null,
  "just a string",
];

describe("Google text histories", () => {
  it("convert exactly as convertMessages converts them", () => {
    for (const history of accepted) {
      const short = textHistory(history);
      expect(short, JSON.stringify(history)).toEqual(convertMessages(history));
      // The same JSON, key order included: the request body is the same bytes.
      expect(JSON.stringify(short), JSON.stringify(history)).toBe(JSON.stringify(convertMessages(history)));
    }
  });

  it("are declined when a message is not a provider-neutral text message", () => {
    for (const message of declined) {
      const history = [{ role: "user", content: "Hi" }, message];
      expect(textHistory(history), JSON.stringify(history)).toBeUndefined();
    }
  });

  it("leave the messages they read untouched", () => {
    const history = [
      { role: "user", content: "a" },
      { role: "user", content: "b" },
    ];
    const copy = JSON.parse(JSON.stringify(history));
    textHistory(history);
    expect(history).toEqual(copy);
  });
});
