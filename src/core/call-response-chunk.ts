import type { FinishReason } from "./finish-reason.ts";
import type { Usage } from "./usage.ts";

/** One decoded piece of a stream. Providers subclass it and implement the getters. */
export abstract class BaseCallResponseChunk<Raw = unknown> {
  /** The provider's JSON for this chunk (or event). */
  readonly raw: Raw;

  constructor(raw: Raw) {
    this.raw = raw;
  }

  /** The text delta this chunk adds. */
  abstract get content(): string;
  /** Finish reasons reported by this chunk (usually only the last). */
  abstract get finishReasons(): string[];
  /** Usage fields this chunk reports; later values replace earlier ones field by field. */
  abstract get usage(): Partial<Usage> | undefined;
  /** The model, when this chunk names it. */
  get model(): string | undefined {
    return undefined;
  }
  /** The response id, when this chunk carries it. */
  get id(): string | undefined {
    return undefined;
  }
  /** Normalised finish reasons. */
  get commonFinishReasons(): FinishReason[] {
    return [];
  }
}
