import { addBrand, hasBrand } from "./brand.ts";
import { scrubError } from "./scrub-error.ts";
import { PromptcallError, type PromptcallErrorOptions } from "./promptcall-error.ts";
import type { SchemaIssue } from "./schema-issue.ts";

/** What a `ToolArgumentsError` records. */
export interface ToolArgumentsErrorInit extends PromptcallErrorOptions {
  /** The tool the model called. */
  toolName: string;
  /** The argument text exactly as the model sent it. */
  raw: string;
  /** Schema issues, when the text was JSON but did not match the tool's parameters. */
  issues?: readonly SchemaIssue[];
}

/** The model called a tool with arguments that are not valid JSON or do not match its schema. */
export class ToolArgumentsError extends PromptcallError {
  readonly toolName: string;
  readonly raw: string;
  readonly issues: readonly SchemaIssue[];

  constructor(message: string, init: ToolArgumentsErrorInit) {
    super(message, init);
    this.name = "ToolArgumentsError";
    addBrand(this, "ToolArgumentsError");
    this.toolName = init.toolName;
    this.raw = init.raw;
    this.issues = init.issues ?? [];
    // The fields above are set after the base constructor redacted the error: redact them too.
    scrubError(this);
  }

  /** True for a `ToolArgumentsError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is ToolArgumentsError {
    return hasBrand(error, "ToolArgumentsError");
  }
}
