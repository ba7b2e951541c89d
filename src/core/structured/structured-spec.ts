import type { StructuredOutputMode } from "../call-options.ts";
import type { SchemaLike } from "./schema.ts";

/** A `responseModel` prepared for providers: its JSON Schema (an object, wrapped if needed). */
export interface StructuredSpec {
  schema: SchemaLike;
  /** The object JSON Schema to send (primitives and arrays wrapped in `{ value }`). */
  jsonSchema: Record<string, unknown>;
  /** Whether the user's schema was wrapped in `{ value }`. */
  wrapped: boolean;
  /** A name for the schema (tool name / json_schema name). */
  name: string;
  description?: string;
  mode: StructuredOutputMode;
}
