import { ValidationError } from "../../errors/index.ts";
import { PartialJsonParser } from "./partial-json.ts";
import type { BaseCallResponseChunk } from "../call-response-chunk.ts";
import type { OutputContext } from "../provider-definition.ts";
import { parseStructured } from "./response-model.ts";
import { rememberResponse } from "./response-of.ts";
import { describeIssues } from "./schema.ts";
import type { BaseStream } from "../stream.ts";
import type { StructuredSpec } from "./structured-spec.ts";
import type { ExecuteToolsOptions } from "../tools/execute-tools.ts";
import type { BaseTool, ToolOutput } from "../tools/tool.ts";

/** `T` with every property optional, recursively: what a partial structured value looks like. */
export type DeepPartial<T> = T extends readonly (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** Reads a chunk's JSON delta: a provider definition, whose `getJsonOutput` takes its own chunks. */
export interface JsonOutputReader {
  getJsonOutput(chunk: BaseCallResponseChunk, context: OutputContext): string;
}

/** A streamed `responseModel` call: yields deep-partial values as JSON arrives; `final()` validates. */
export class StructuredStream<T> implements AsyncIterable<DeepPartial<T>> {
  /** The underlying provider stream (content, usage, cost after iteration). */
  readonly stream: BaseStream;
  private readonly provider: JsonOutputReader;
  private readonly ctx: OutputContext;
  private readonly spec: StructuredSpec;
  private readonly parser: PartialJsonParser;
  private started = false;
  private finished = false;

  constructor(stream: BaseStream, provider: JsonOutputReader, ctx: OutputContext, spec: StructuredSpec) {
    this.stream = stream;
    this.provider = provider;
    this.ctx = ctx;
    this.spec = spec;
    // In plain JSON mode the model may wrap the JSON in prose or a fence: skip to the first `{`/`[`.
    this.parser = new PartialJsonParser({ lenient: ctx.structuredMode === "json" });
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<DeepPartial<T>> {
    this.started = true;
    for await (const [chunk] of this.stream) {
      const delta = this.provider.getJsonOutput(chunk, this.ctx);
      if (!delta) continue;
      if (this.parser.push(delta)) {
        const value = this.parser.value as Record<string, unknown> | undefined;
        const partial = this.spec.wrapped ? value?.value : value;
        if (partial !== undefined) yield partial as DeepPartial<T>;
      }
    }
    this.finished = true;
  }

  /** The JSON text received so far. */
  get text(): string {
    return this.parser.text;
  }

  /** The call's tools the model called instead of answering (validated; complete after iteration). */
  get tools(): BaseTool[] {
    return this.stream.tools;
  }

  /** The first of `tools`, if any. */
  get tool(): BaseTool | undefined {
    return this.stream.tools[0];
  }

  /** Runs the tools the model called: `[tool, output]`, or `[tool, text, error]` for a failure. */
  executeTools(options?: ExecuteToolsOptions): Promise<ToolOutput[]> {
    return this.stream.executeTools(options);
  }

  /** Sends the tool outputs back and streams the next turn: a structured stream with the same response model. */
  resume(outputs: readonly ToolOutput[]): Promise<StructuredStream<T>> {
    return this.stream.resume(outputs) as unknown as Promise<StructuredStream<T>>;
  }

  /** Reads the rest of the stream and returns the validated value. */
  async final(): Promise<T> {
    if (!this.finished) {
      if (this.started) {
        throw new TypeError("final() was called while the stream is being iterated: await the loop first.");
      }
      for await (const _ of this) {
        // drain
      }
    }
    const response = this.stream.constructCallResponse();
    // The model called one of the call's tools instead of answering: the call response, as a
    // non-streaming call gives it (`isCallResponse` tells; its `resume` ends in the value).
    if (this.stream.tools.length > 0) return response as T;
    const result = await parseStructured(this.parser.text, this.spec, this.ctx.strict);
    if (!result.ok) {
      // A cut-off, a content filter or an error explains a bad output; a normal stop does not.
      const finish = response.commonFinishReasons.filter((r) => r !== "stop" && r !== "tool_calls");
      throw new ValidationError(
        `The streamed output does not match the response model: ${describeIssues(result.issues)}` +
          (finish.length ? ` (finish reason: ${finish.join(", ")})` : "") +
          ". The raw output is on `raw`.",
        { issues: result.issues, raw: this.parser.text, response, attempts: [] },
      );
    }
    rememberResponse(result.value, response);
    return result.value as T;
  }
}
