import { describe, expect, it } from "vitest";
import { messages } from "../../src/core/prompt/messages.ts";
import { audio, document, image, sniffMediaType, text } from "../../src/core/prompt/parts.ts";
import { expectTemplateError } from "./support/expect-template-error.ts";

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const bytes = (...values: number[]) => new Uint8Array(values);

const SAMPLES: [string, Uint8Array, string | undefined][] = [
  ["png", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), "image/png"],
  ["jpeg", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), "image/jpeg"],
  ["gif", ascii("GIF89a\x01\x00"), "image/gif"],
  ["webp", ascii("RIFF\x24\x00\x00\x00WEBPVP8 "), "image/webp"],
  ["heic", ascii("\x00\x00\x00\x18ftypheic"), "image/heic"],
  ["pdf", ascii("%PDF-1.7\n"), "application/pdf"],
  ["wav", ascii("RIFF\x24\x00\x00\x00WAVEfmt "), "audio/wav"],
  ["mp3 (ID3)", ascii("ID3\x04\x00"), "audio/mpeg"],
  ["mp3 (frame)", bytes(0xff, 0xfb, 0x90, 0x64), "audio/mpeg"],
  ["aac (ADTS)", bytes(0xff, 0xf1, 0x50, 0x80), "audio/aac"],
  ["ogg", ascii("OggS\x00\x02"), "audio/ogg"],
  ["flac", ascii("fLaC\x00\x00"), "audio/flac"],
  ["unknown", bytes(1, 2, 3, 4, 5, 6), undefined],
  ["too short", bytes(0xff), undefined],
];

describe("sniffMediaType", () => {
  for (const [name, sample, expected] of SAMPLES) {
    it(`recognises ${name}`, () => {
      expect(sniffMediaType(sample)).toBe(expected);
    });
  }
});

describe("part builders", () => {
  const png = SAMPLES[0][1];

  it("image() from bytes, ArrayBuffer, base64, data: URL and URL", () => {
    expect(image(png)).toEqual({ type: "image", mediaType: "image/png", data: png });
    expect(image(png.slice().buffer)).toEqual({ type: "image", mediaType: "image/png", data: png });
    const b64 = btoa(String.fromCharCode(...png));
    expect(image(b64)).toEqual({ type: "image", mediaType: "image/png", data: b64 });
    expect(image(`data:image/png;base64,${b64}`)).toEqual({ type: "image", mediaType: "image/png", data: b64 });
    expect(image("https://x.test/cat.webp?size=2", undefined, { detail: "low" })).toEqual({
      type: "image",
      url: "https://x.test/cat.webp?size=2",
      mediaType: "image/webp",
      detail: "low",
    });
    expect(image("https://x.test/cat")).toEqual({ type: "image", url: "https://x.test/cat" });
  });

  it("an explicit media type wins over sniffing", () => {
    expect(image(png, "image/x-custom").mediaType).toBe("image/x-custom");
  });

  it("audio() and document() need a media type they can find", () => {
    expect(audio(SAMPLES[6][1])).toEqual({ type: "audio", mediaType: "audio/wav", data: SAMPLES[6][1] });
    expect(audio("https://x.test/a.mp3")).toEqual({ type: "audio", mediaType: "audio/mpeg", url: "https://x.test/a.mp3" });
    expect(document("https://x.test/a.pdf", undefined, "a.pdf")).toEqual({
      type: "document",
      mediaType: "application/pdf",
      url: "https://x.test/a.pdf",
      name: "a.pdf",
    });
    expectTemplateError(() => audio(bytes(1, 2, 3, 4)), /Cannot tell the media type of this audio/);
    expectTemplateError(() => document("https://x.test/file"), /Cannot tell the media type of this document/);
    expectTemplateError(() => image(bytes(1, 2, 3, 4)), /Cannot tell the media type of this image/);
    expectTemplateError(() => image("not a url or base64!"), /must be an http/);
  });

  it("text() with and without cache control", () => {
    expect(text("hi")).toEqual({ type: "text", text: "hi" });
    expect(text("hi", { cacheControl: { type: "ephemeral", ttl: "5m" } })).toEqual({
      type: "text",
      text: "hi",
      cacheControl: { type: "ephemeral", ttl: "5m" },
    });
  });
});

describe("messages builders", () => {
  it("a single string gives string content", () => {
    expect(messages.system("You are a librarian.")).toEqual({ role: "system", content: "You are a librarian." });
    expect(messages.user("Recommend a book")).toEqual({ role: "user", content: "Recommend a book" });
    expect(messages.assistant("Dune.")).toEqual({ role: "assistant", content: "Dune." });
    expect(messages.user()).toEqual({ role: "user", content: "" });
  });

  it("anything else gives an array of parts", () => {
    const png = SAMPLES[0][1];
    const pdf = SAMPLES[5][1];
    const wav = SAMPLES[6][1];
    expect(messages.user("Look:", png, wav, pdf, image("https://x.test/a.gif"))).toEqual({
      role: "user",
      content: [
        { type: "text", text: "Look:" },
        { type: "image", mediaType: "image/png", data: png },
        { type: "audio", mediaType: "audio/wav", data: wav },
        { type: "document", mediaType: "application/pdf", data: pdf },
        { type: "image", url: "https://x.test/a.gif", mediaType: "image/gif" },
      ],
    });
    expect(messages.assistant("a", "b").content).toEqual([
      { type: "text", text: "a" },
      { type: "text", text: "b" },
    ]);
    expect(messages.user(text("cached", { cacheControl: { type: "ephemeral" } })).content).toEqual([
      { type: "text", text: "cached", cacheControl: { type: "ephemeral" } },
    ]);
  });

  it("rejects unknown bytes and non-content values", () => {
    expectTemplateError(() => messages.user(bytes(9, 9, 9, 9)), /Cannot tell what these bytes are/);
    expectTemplateError(() => messages.user({ foo: 1 } as never), /Message content must be/);
  });
});
