// Type tests for template variables: checked by `npx tsc -p tsconfig.test.json --noEmit`
// (and by `vitest --typecheck` if enabled). Nothing here runs.
import { expectTypeOf } from "vitest";
import type { BaseMessageParam, ContentPart } from "../../src/core/message-param.ts";
import type { AudioInput, DocumentInput, ImageInput } from "../../src/core/prompt/parts.ts";
import { promptTemplate } from "../../src/core/prompt/prompt-template.ts";
import type { HistoryMessage, TemplateValue, TemplateVariables } from "../../src/core/prompt/template-types.ts";

// Plain and nested variables, merged by root.
expectTypeOf<TemplateVariables<"SYSTEM: You are a librarian. USER: Recommend a {genre} book about {topic.name}">>().toEqualTypeOf<{
  genre: TemplateValue;
  topic: { name: TemplateValue };
}>();
expectTypeOf<TemplateVariables<"{book.title} {book.author.name} {book.author.born}">>().toEqualTypeOf<{
  book: { title: TemplateValue; author: { name: TemplateValue; born: TemplateValue } };
}>();

// Format specs.
expectTypeOf<TemplateVariables<"{a:list} {b:lists} {c:text} {d:texts}">>().toEqualTypeOf<{
  a: readonly TemplateValue[];
  b: readonly (readonly TemplateValue[])[];
  c: TemplateValue;
  d: readonly TemplateValue[];
}>();
expectTypeOf<TemplateVariables<"{i:image(detail=high)} {is:images} {a:audio} {as:audios} {d:document} {ds:documents}">>().toEqualTypeOf<{
  i: ImageInput | null | undefined;
  is: readonly ImageInput[];
  a: AudioInput | null | undefined;
  as: readonly AudioInput[];
  d: DocumentInput | null | undefined;
  ds: readonly DocumentInput[];
}>();
expectTypeOf<TemplateVariables<"{p:part} {ps:parts}">>().toEqualTypeOf<{ p: ContentPart; ps: readonly ContentPart[] }>();

// MESSAGES slots, escapes and cache control.
expectTypeOf<TemplateVariables<"SYSTEM: hi\nMESSAGES:  {history}\nUSER: {q}">>().toEqualTypeOf<{
  history: readonly HistoryMessage[] | null | undefined;
  q: TemplateValue;
}>();
expectTypeOf<TemplateVariables<'Reply as {{"name": "{name}"}} {:cache_control}'>>().toEqualTypeOf<{ name: TemplateValue }>();
expectTypeOf<TemplateVariables<"no variables {{here}}">>().toEqualTypeOf<{}>();
expectTypeOf<TemplateVariables<string>>().toEqualTypeOf<Record<string, unknown>>();

// The compiled function.
const tpl = promptTemplate("SYSTEM: You are a librarian. USER: Recommend a {genre} book about {topic.name}");
expectTypeOf(tpl).parameter(0).toEqualTypeOf<{ genre: TemplateValue; topic: { name: TemplateValue } }>();
expectTypeOf(tpl({ genre: "fantasy", topic: { name: "dragons" } })).toEqualTypeOf<BaseMessageParam[]>();
expectTypeOf(tpl.template).toEqualTypeOf<"SYSTEM: You are a librarian. USER: Recommend a {genre} book about {topic.name}">();

// @ts-expect-error a missing variable
tpl({ genre: "fantasy" });
// @ts-expect-error a missing nested attribute
tpl({ genre: "fantasy", topic: {} });
// @ts-expect-error the variables are required
tpl();

const noVars = promptTemplate("USER: hello");
noVars();
noVars({});

const chat = promptTemplate("SYSTEM: x MESSAGES: {history} USER: {q:list} {img:image}");
chat({ history: [{ role: "user", content: "hi" }], q: ["a", 1], img: new Uint8Array() });
chat({ history: [], q: [], img: "https://example.com/a.png" });
// @ts-expect-error history must be an array of messages
chat({ history: "USER: hi", q: [], img: null });
// @ts-expect-error :list needs an array
chat({ history: [], q: "a", img: null });
// @ts-expect-error :image does not take a number
chat({ history: [], q: [], img: 42 });
