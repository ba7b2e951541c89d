import { addBrand, hasBrand } from "./brand.ts";
import { scrubError } from "./scrub-error.ts";
import { PromptcallError } from "./promptcall-error.ts";

/** What an `UnknownToolError` records. */
export interface UnknownToolErrorInit {
  /** The name the model called. */
  toolName: string;
  /** The names of the tools the call defines. */
  definedTools: readonly string[];
  /** The argument text exactly as the model sent it. */
  raw: string;
}

/**
 * The model called a tool the call does not define (a hallucinated name). It is not thrown: it is the
 * `error` of the tool, so `executeTools()` gives an error result and the model can call a real tool.
 */
export class UnknownToolError extends PromptcallError {
  /** The name the model called. */
  readonly toolName: string;
  /** The names of the tools the call defines. */
  readonly definedTools: readonly string[];
  /** The argument text exactly as the model sent it. */
  readonly raw: string;

  constructor(init: UnknownToolErrorInit) {
    const { toolName, definedTools } = init;
    super(
      definedTools.length > 0
        ? `The model called the tool "${toolName}", which this call does not define. ` +
            `The tools it defines are: ${definedTools.join(", ")}. Call one of them, or answer without a tool.`
        : `The model called the tool "${toolName}", but this call defines no tools. Answer without calling a tool.`,
    );
    this.name = "UnknownToolError";
    addBrand(this, "UnknownToolError");
    this.toolName = toolName;
    this.definedTools = [...definedTools];
    this.raw = init.raw;
    // The fields above are set after the base constructor redacted the error: redact them too.
    scrubError(this);
  }

  /** True for an `UnknownToolError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is UnknownToolError {
    return hasBrand(error, "UnknownToolError");
  }
}
