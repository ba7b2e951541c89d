/**
 * Type-level reading of a template string: the variables object a template needs, computed from
 * the template's literal type. Mirrors the runtime parser in template-placeholder.ts.
 */
import type { BaseMessageParam, ContentPart } from "../message-param.ts";
import type { AudioInput, DocumentInput, ImageInput } from "./parts.ts";

/**
 * A value for a plain `{x}`: strings as they are, numbers/booleans/bigints via `String`, `null` and
 * `undefined` as "", arrays one item per line, objects through their own `toString` or as JSON.
 */
export type TemplateValue = string | number | boolean | bigint | null | undefined | object;

/** A message in a `MESSAGES: {history}` slot: provider-neutral, or a provider's own message object. */
export type HistoryMessage = BaseMessageParam | object;

/** The value type each format spec takes (`messages` marks a `MESSAGES:` slot). */
export interface FormatSpecTypes {
  "": TemplateValue;
  list: readonly TemplateValue[];
  lists: readonly (readonly TemplateValue[])[];
  text: TemplateValue;
  texts: readonly TemplateValue[];
  image: ImageInput | null | undefined;
  images: readonly ImageInput[];
  audio: AudioInput | null | undefined;
  audios: readonly AudioInput[];
  document: DocumentInput | null | undefined;
  documents: readonly DocumentInput[];
  part: ContentPart;
  parts: readonly ContentPart[];
  messages: readonly HistoryMessage[] | null | undefined;
}

type Whitespace = " " | "\n" | "\t" | "\r";
type TrimStart<S extends string> = S extends `${Whitespace}${infer Rest}` ? TrimStart<Rest> : S;

/** True when literal text `Before` ends with `MESSAGES:` and optional whitespace. */
type EndsWithMessagesMarker<Before extends string> = Before extends `${string}MESSAGES:${infer After}`
  ? TrimStart<After> extends ""
    ? true
    : EndsWithMessagesMarker<After>
  : false;

type SpecName<Spec extends string> = Spec extends `${infer Name}(${string}` ? Name : Spec;

/** One placeholder's `[path, spec]` entry; `{:cache_control}` has none. */
type Entry<Field extends string, InHistory extends boolean> = Field extends `${infer Path}:${infer Spec}`
  ? Path extends ""
    ? never
    : [Path, InHistory extends true ? "messages" : SpecName<Spec>]
  : [Field, InHistory extends true ? "messages" : ""];

/** Every placeholder of a template as `[path, spec]` entries, skipping `{{` escapes. */
type Entries<S extends string, Found = never> = S extends `${infer Before}{${infer Rest}`
  ? Rest extends `{${infer After}`
    ? Entries<After, Found>
    : Rest extends `${infer Field}}${infer After}`
      ? Entries<After, Found | Entry<Field, EndsWithMessagesMarker<Before>>>
      : Found
  : Found;

type RootOf<Path extends string> = Path extends `${infer Root}.${string}` ? Root : Path;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

type SpecType<Spec> = Spec extends keyof FormatSpecTypes ? FormatSpecTypes[Spec] : never;

// Boxed so that a spec's own union type is not itself turned into an intersection.
type LeafBox<E, Name extends string> = E extends [Name, infer Spec] ? { value: SpecType<Spec> } : never;

/** The intersection of every spec type `Name` is used with, or `unknown` when only nested paths use it. */
type LeafType<E, Name extends string> = [LeafBox<E, Name>] extends [never]
  ? unknown
  : UnionToIntersection<LeafBox<E, Name>> extends { value: infer V }
    ? V
    : never;

type Children<E, Name extends string> = E extends [`${Name}.${infer Rest}`, infer Spec] ? [Rest, Spec] : never;

type Build<E extends [string, string]> = {
  [Name in RootOf<E[0]>]: LeafType<E, Name> & ([Children<E, Name>] extends [never] ? unknown : Build<Children<E, Name>>);
};

/**
 * The variables object a template string needs: `{genre}` → `genre`, `{topic.name}` →
 * `topic: { name }`, `{x:list}` → an array, `{x:image}` → image input, `MESSAGES: {h}` → a history.
 * A non-literal `string` gives `Record<string, unknown>`.
 */
export type TemplateVariables<T extends string> = string extends T
  ? Record<string, unknown>
  : [Entries<T>] extends [never]
    ? {}
    : Build<Extract<Entries<T>, [string, string]>>;
