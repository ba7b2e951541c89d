/**
 * The structure shared by `prompt` and `promptTemplate`: a template is literal text with slots
 * between (tagged-template values or `{placeholders}`). Dedenting and role markers only ever look
 * at the literal text, so nothing substituted into a slot can change the message structure.
 */
import { TemplateError } from "../../errors/index.ts";

/** Literal template text, or a slot to be filled later (`slot` indexes the caller's slot list). */
export type TemplateToken = { kind: "text"; text: string } | { kind: "slot"; slot: number };

/** Who a section of the template speaks as; `messages` is a `MESSAGES:` history slot. */
export type SectionRole = "system" | "user" | "assistant" | "messages";

/** The tokens of one role section of a template. */
export interface TemplateSection {
  role: SectionRole;
  tokens: TemplateToken[];
}

// Uppercase only, as in Mirascope; a marker glued to a preceding word ("SUPERUSER:") is text.
const ROLE_MARKER = /(?<![A-Za-z0-9_])(SYSTEM|USER|ASSISTANT|MESSAGES):/g;

/**
 * Removes the indentation common to every line that starts in literal text (like Python's
 * `inspect.cleandoc`, whose first line does not count). Substituted values are never touched.
 */
function dedentTokens(tokens: readonly TemplateToken[]): TemplateToken[] {
  const indent = commonIndent(tokens);
  if (indent === 0) return [...tokens];
  return tokens.map((token) => {
    if (token.kind !== "text") return token;
    const text = token.text.replace(/\n[ \t]*/g, (run) => "\n" + run.slice(1 + Math.min(indent, run.length - 1)));
    return { kind: "text", text };
  });
}

function commonIndent(tokens: readonly TemplateToken[]): number {
  let indent = Infinity;
  tokens.forEach((token, i) => {
    if (token.kind !== "text") return;
    const hasSlotAfter = i + 1 < tokens.length;
    const lines = token.text.split("\n");
    for (let l = 1; l < lines.length; l++) {
      const line = lines[l];
      // A whitespace-only line is blank, unless a slot continues it.
      const continuesWithSlot = l === lines.length - 1 && hasSlotAfter;
      const blank = !continuesWithSlot && line.trim() === "";
      if (!blank) indent = Math.min(indent, leadingBlanks(line));
    }
  });
  return indent === Infinity ? 0 : indent;
}

function leadingBlanks(line: string): number {
  return /^[ \t]*/.exec(line)![0].length;
}

/**
 * Splits tokens at the role markers found in literal text and dedents each section on its own
 * (so `SYSTEM:` followed by indented lines reads naturally). Without any marker the whole template
 * is one user message. Content before the first marker is an error rather than silently dropped.
 */
export function templateSections(tokens: readonly TemplateToken[]): TemplateSection[] {
  return splitSections(tokens).map((section) => ({ role: section.role, tokens: dedentTokens(section.tokens) }));
}

function splitSections(tokens: readonly TemplateToken[]): TemplateSection[] {
  const sections: TemplateSection[] = [];
  let current: TemplateSection = { role: "user", tokens: [] };
  const leading = current;
  for (const token of tokens) {
    if (token.kind === "slot") {
      current.tokens.push(token);
      continue;
    }
    let last = 0;
    for (const match of token.text.matchAll(ROLE_MARKER)) {
      current.tokens.push({ kind: "text", text: token.text.slice(last, match.index) });
      current = { role: match[1].toLowerCase() as SectionRole, tokens: [] };
      sections.push(current);
      last = match.index + match[0].length;
    }
    current.tokens.push({ kind: "text", text: token.text.slice(last) });
  }
  if (sections.length === 0) return [leading];
  if (!isBlank(leading.tokens)) {
    throw new TemplateError(
      "A template has text before its first role marker (SYSTEM:, USER:, ASSISTANT: or MESSAGES:): " +
        "start it with a marker, or use no markers at all for a single user message.",
    );
  }
  return sections;
}

/** True when the tokens are only whitespace text (no slot). */
export function isBlank(tokens: readonly TemplateToken[]): boolean {
  return tokens.every((t) => t.kind === "text" && t.text.trim() === "");
}

/** The slot of a `MESSAGES:` section, which must hold exactly one slot and nothing else. */
export function historySlot(section: TemplateSection): number {
  const slots = section.tokens.filter((t) => t.kind === "slot");
  const text = section.tokens
    .filter((t) => t.kind === "text")
    .map((t) => t.text)
    .join("");
  if (slots.length !== 1 || text.trim() !== "") {
    throw new TemplateError(
      "MESSAGES: must be followed by exactly one value holding the message history (e.g. `MESSAGES: {history}`), " +
        "then the next role marker.",
    );
  }
  return (slots[0] as { slot: number }).slot;
}
