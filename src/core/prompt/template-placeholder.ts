/**
 * Parsing Mirascope-style template strings: literal text, `{{`/`}}` escapes, and placeholders
 * `{name}`, `{obj.attr}`, `{name:spec}`, `{name:spec(key=value,...)}` and `{:cache_control}`.
 */
import { TemplateError } from "../../errors/index.ts";
import type { TemplateToken } from "./prompt-sections.ts";

/** The format specs a placeholder may carry (`""` is plain text). */
export type FormatSpec =
  | ""
  | "list"
  | "lists"
  | "text"
  | "texts"
  | "image"
  | "images"
  | "audio"
  | "audios"
  | "document"
  | "documents"
  | "part"
  | "parts"
  | "cache_control";

/** One parsed `{...}` placeholder. */
export interface Placeholder {
  /** The placeholder as written, e.g. `{topic.name}`, for error messages. */
  source: string;
  /** The attribute path, e.g. `["topic", "name"]`; empty for `{:cache_control}`. */
  path: string[];
  spec: FormatSpec;
  options: Record<string, string>;
}

/** A template string parsed once: tokens whose slots index `placeholders`. */
export interface ParsedTemplate {
  tokens: TemplateToken[];
  placeholders: Placeholder[];
}

const ALLOWED_OPTIONS: Partial<Record<FormatSpec, Record<string, readonly string[]>>> = {
  image: { detail: ["auto", "low", "high"] },
  images: { detail: ["auto", "low", "high"] },
  cache_control: { type: ["ephemeral"], ttl: ["5m", "1h"] },
};

const SPECS = new Set<string>([
  "list",
  "lists",
  "text",
  "texts",
  "image",
  "images",
  "audio",
  "audios",
  "document",
  "documents",
  "part",
  "parts",
  "cache_control",
]);

/** Names a template may never reach: they lead to prototypes, not to the caller's data. */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

const FIELD = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)?(?::([A-Za-z_]+)(?:\(([^()]*)\))?)?$/;

/** Parses a template string into literal text tokens and placeholder slots. */
export function parseTemplate(template: string): ParsedTemplate {
  const tokens: TemplateToken[] = [];
  const placeholders: Placeholder[] = [];
  let text = "";
  let last = 0;
  for (const match of template.matchAll(/\{\{|\}\}|\{([^{}]*)\}|[{}]/g)) {
    text += template.slice(last, match.index);
    last = match.index + match[0].length;
    if (match[0] === "{{" || match[0] === "}}") {
      text += match[0][0];
    } else if (match[1] !== undefined) {
      tokens.push({ kind: "text", text }, { kind: "slot", slot: placeholders.length });
      placeholders.push(parsePlaceholder(match[1]));
      text = "";
    } else {
      throw new TemplateError(`Unmatched "${match[0]}" at position ${match.index} of a template: write {{ or }} for a literal brace.`);
    }
  }
  tokens.push({ kind: "text", text: text + template.slice(last) });
  return { tokens, placeholders };
}

/** Parses the inside of one `{...}` placeholder. */
export function parsePlaceholder(field: string): Placeholder {
  const source = `{${field}}`;
  const match = FIELD.exec(field);
  if (!match) {
    throw new TemplateError(
      `Invalid placeholder ${source}: write {name}, {obj.attr}, {name:spec} or {:cache_control} (names are identifiers).`,
    );
  }
  const [, pathText = "", specText = "", optionsText] = match;
  if (specText !== "" && !SPECS.has(specText)) {
    throw new TemplateError(`Unknown format spec in ${source}: use one of ${[...SPECS].join(", ")}.`);
  }
  const spec = specText as FormatSpec;
  const path = pathText === "" ? [] : pathText.split(".");
  if ((spec === "cache_control") !== (path.length === 0)) {
    throw new TemplateError(`Invalid placeholder ${source}: {:cache_control} takes no name, every other placeholder needs one.`);
  }
  const forbidden = path.find((name) => FORBIDDEN_NAMES.has(name));
  if (forbidden !== undefined) {
    throw new TemplateError(`Placeholder ${source} uses "${forbidden}", which templates may not access: use your data's own properties.`);
  }
  return { source, path, spec, options: parseOptions(optionsText, spec, source) };
}

function parseOptions(text: string | undefined, spec: FormatSpec, source: string): Record<string, string> {
  const options: Record<string, string> = {};
  if (text === undefined || text.trim() === "") return options;
  const allowed = ALLOWED_OPTIONS[spec] ?? {};
  for (const option of text.split(",")) {
    const [key, value, extra] = option.split("=").map((s) => s.trim());
    const values = Object.hasOwn(allowed, key) ? allowed[key] : undefined;
    if (extra !== undefined || value === undefined || !values?.includes(value)) {
      const help = Object.entries(allowed)
        .map(([k, v]) => `${k}=${v.join("|")}`)
        .join(", ");
      throw new TemplateError(
        `Invalid option "${option.trim()}" in ${source}: ${help ? `allowed are ${help}` : `:${spec} takes no options`}.`,
      );
    }
    options[key] = value;
  }
  return options;
}
