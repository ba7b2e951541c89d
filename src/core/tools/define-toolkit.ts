import type { ToolDefinition } from "./tool.ts";

/** A toolkit's tool definitions with the namespace prefixed to their names (`ns_name`). */
export type NamespacedTool<D, NS extends string> = [NS] extends [never]
  ? D
  : D extends ToolDefinition<infer N, infer A, infer O>
    ? ToolDefinition<`${NS}_${N}`, A, O>
    : never;

/** Tools that share one state object, as Mirascope's `BaseToolKit`. */
export interface Toolkit<State, Tool extends ToolDefinition> {
  /** The state the tools share (mutate it from a tool's `call`; later `tools()` descriptions see it). */
  readonly state: State;
  /** The prefix of the tools' names, if any. */
  readonly namespace: string | undefined;
  /** The tool definitions, built now: descriptions that read the state show its current value. */
  tools(): Tool[];
}

/**
 * Defines tools that share state. `tools(state)` builds the definitions (with `defineTool`); it runs
 * again on each `toolkit.tools()`, so a description written from the state (a template literal) is
 * current when the tools go to the model — pass `toolkit.tools()` from a call's dynamic config.
 * With `namespace`, each name becomes `namespace_name`.
 * @example
 * const notes = defineToolkit({ namespace: "notes", state: { items: [] as string[] }, tools: (state) => [
 *   defineTool({ name: "add", description: `Add a note (${state.items.length} so far)`, parameters, call: ({ text }) => state.items.push(text) }),
 * ] });
 */
export function defineToolkit<State, Tool extends ToolDefinition, NS extends string = never>(spec: {
  namespace?: NS;
  state: State;
  tools: (state: State) => readonly Tool[];
}): Toolkit<State, NamespacedTool<Tool, NS>> {
  const { namespace, state } = spec;
  if (namespace !== undefined && !/^[a-zA-Z0-9_-]{1,63}$/.test(namespace)) {
    throw new TypeError(`Toolkit namespace "${namespace}" is invalid: use letters, digits, "_" or "-" (it prefixes tool names).`);
  }
  return {
    state,
    namespace,
    tools() {
      const defs = spec.tools(state);
      if (namespace === undefined) return [...defs] as NamespacedTool<Tool, NS>[];
      return defs.map((def) => prefixed(def, namespace)) as NamespacedTool<Tool, NS>[];
    },
  };
}

function prefixed(def: ToolDefinition, namespace: string): ToolDefinition {
  const name = `${namespace}_${def.name}`;
  if (name.length > 64) {
    throw new TypeError(`Tool name "${name}" is longer than 64 characters (providers reject it): use a shorter namespace or name.`);
  }
  return Object.freeze({ ...def, name });
}
