/**
 * `promptTemplate`: Mirascope's string templates, parsed once, with variables typed from the
 * template's literal type.
 */
import { TemplateError } from "../../errors/index.ts";
import type { BaseMessageParam, CacheControl, ContentPart, ImagePart } from "../message-param.ts";
import { audio, document, image, isContentPart, type MediaSource } from "./parts.ts";
import { buildContent, historyOf, textOf, type ContentPiece } from "./prompt-content.ts";
import { historySlot, templateSections, type TemplateSection } from "./prompt-sections.ts";
import { parseTemplate, type Placeholder } from "./template-placeholder.ts";
import type { TemplateVariables } from "./template-types.ts";

/** A template compiled by {@link promptTemplate}: call it with the template's variables. */
export interface PromptTemplate<T extends string> {
  (...args: {} extends TemplateVariables<T> ? [variables?: TemplateVariables<T>] : [variables: TemplateVariables<T>]): BaseMessageParam[];
  /** The template string as given. */
  readonly template: T;
}

/**
 * Compiles a Mirascope-style template (`SYSTEM:`/`USER:`/`ASSISTANT:`, `MESSAGES: {history}`,
 * `{var}`, `{obj.attr}`, `{x:list}`, `{x:image}`, `{:cache_control}` …) into a function of its variables.
 * @example const tpl = promptTemplate("USER: Recommend a {genre} book"); tpl({ genre: "fantasy" });
 */
export function promptTemplate<const T extends string>(template: T): PromptTemplate<T> {
  if (typeof template !== "string") throw new TemplateError("promptTemplate expects a template string.");
  const { tokens, placeholders } = parseTemplate(template);
  const sections = templateSections(tokens);
  const historySlots = sections.map((s) => (s.role === "messages" ? historySlot(s) : -1));
  for (const slot of historySlots) {
    if (slot >= 0 && placeholders[slot].spec !== "") {
      throw new TemplateError(`MESSAGES: takes a plain placeholder; ${placeholders[slot].source} has a format spec.`);
    }
  }
  const render = (variables: unknown = {}): BaseMessageParam[] => {
    const result: BaseMessageParam[] = [];
    sections.forEach((section, i) => {
      if (historySlots[i] >= 0) {
        const placeholder = placeholders[historySlots[i]];
        result.push(...historyOf(lookup(variables, placeholder)));
        return;
      }
      const content = buildContent(sectionPieces(section, placeholders, variables));
      if (content !== undefined) result.push({ role: section.role as BaseMessageParam["role"], content });
    });
    return result;
  };
  return Object.assign(render, { template }) as unknown as PromptTemplate<T>;
}

function sectionPieces(section: TemplateSection, placeholders: readonly Placeholder[], variables: unknown): ContentPiece[] {
  return section.tokens.flatMap((token): ContentPiece[] => {
    if (token.kind === "text") return [{ kind: "text", text: token.text }];
    const placeholder = placeholders[token.slot];
    if (placeholder.spec === "cache_control") return [{ kind: "cache", control: cacheControlOf(placeholder) }];
    const value = lookup(variables, placeholder);
    try {
      return piecesFor(placeholder, value);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      throw new TemplateError(`${placeholder.source}: ${error.message}`, { cause: error });
    }
  });
}

/** Reads a placeholder's path through own, enumerable properties only (never prototypes). */
function lookup(variables: unknown, placeholder: Placeholder): unknown {
  let current = variables;
  placeholder.path.forEach((name, i) => {
    const owner = placeholder.path.slice(0, i).join(".") || "the variables";
    if (typeof current !== "object" || current === null) {
      throw new TemplateError(
        `Cannot read ${placeholder.source}: ${owner} is ${current === null ? "null" : typeof current}, not an object.`,
      );
    }
    if (!Object.hasOwn(current, name) || !Object.prototype.propertyIsEnumerable.call(current, name)) {
      throw new TemplateError(
        `Missing template variable ${placeholder.source}: ${owner} has no own enumerable property "${name}". ` +
          "Pass it in the variables object (inherited members are never read).",
      );
    }
    current = (current as Record<string, unknown>)[name];
  });
  return current;
}

function piecesFor(placeholder: Placeholder, value: unknown): ContentPiece[] {
  const parts = (items: ContentPart[]): ContentPiece[] => items.map((part) => ({ kind: "part", part }));
  switch (placeholder.spec) {
    case "":
      return [{ kind: "text", text: textOf(value) }];
    case "list":
      return [{ kind: "text", text: listOf(value, "list").map(textOf).join("\n") }];
    case "lists":
      return [
        {
          kind: "text",
          text: listOf(value, "lists")
            .map((inner) => listOf(inner, "lists").map(textOf).join("\n"))
            .join("\n\n"),
        },
      ];
    case "text":
      return textPieces([value]);
    case "texts":
      return textPieces(listOf(value, "texts"));
    case "part":
    case "parts":
      return parts(placeholder.spec === "part" ? [contentPartOf(value)] : listOf(value, "parts").map(contentPartOf));
    default:
      return parts(mediaParts(placeholder, value));
  }
}

function mediaParts(placeholder: Placeholder, value: unknown): ContentPart[] {
  const spec = placeholder.spec;
  const single = spec === "image" || spec === "audio" || spec === "document";
  // As in Mirascope, an empty media slot (null, undefined, "") adds nothing.
  const items = single ? (value === null || value === undefined || value === "" ? [] : [value]) : listOf(value, spec);
  const kind = single ? spec : spec.slice(0, -1);
  return items.map((item) => {
    if (isContentPart(item)) {
      if (item.type !== kind) throw new TemplateError(`expected ${kind} input, got a part of type "${item.type}".`);
      return kind === "image" && placeholder.options.detail
        ? { ...(item as ImagePart), detail: placeholder.options.detail as ImagePart["detail"] }
        : item;
    }
    const source = item as MediaSource;
    if (kind === "image") return image(source, undefined, { detail: placeholder.options.detail as ImagePart["detail"] });
    return kind === "audio" ? audio(source) : document(source);
  });
}

function textPieces(values: readonly unknown[]): ContentPiece[] {
  return values
    .map(textOf)
    .filter((text) => text !== "")
    .map((text) => ({ kind: "part", part: { type: "text", text } }));
}

function listOf(value: unknown, spec: string): unknown[] {
  if (!Array.isArray(value)) {
    throw new TemplateError(
      `:${spec} expects ${spec === "lists" ? "an array of arrays" : "an array"}; got ${value === null ? "null" : typeof value}.`,
    );
  }
  return value;
}

function contentPartOf(value: unknown): ContentPart {
  if (!isContentPart(value)) throw new TemplateError('expected a content part object ({ type: "text" | "image" | ... }).');
  return value;
}

function cacheControlOf(placeholder: Placeholder): CacheControl {
  const control: CacheControl = { type: "ephemeral" };
  if (placeholder.options.ttl) control.ttl = placeholder.options.ttl as CacheControl["ttl"];
  return control;
}
