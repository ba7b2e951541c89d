import { addBrand, hasBrand } from "./brand.ts";
import { PromptcallError } from "./promptcall-error.ts";

/**
 * A tool defined with `needsApproval` was not approved. It is not thrown: it is the error of the
 * tool's result (`[tool, text, error]`), so the model learns that the user declined.
 */
export class ToolRefusedError extends PromptcallError {
  readonly toolName: string;

  constructor(toolName: string, message?: string) {
    super(message ?? `The user did not approve running the tool "${toolName}". Do not call it again unless the user asks for it.`);
    this.name = "ToolRefusedError";
    addBrand(this, "ToolRefusedError");
    this.toolName = toolName;
  }

  /** True for a `ToolRefusedError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is ToolRefusedError {
    return hasBrand(error, "ToolRefusedError");
  }
}
