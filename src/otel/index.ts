// `promptcall/otel`: OpenTelemetry spans for every call, with `@opentelemetry/api` (an optional peer
// dependency, loaded by this entry only). Re-exports only.
export { otel, type OtelOptions } from "./otel.ts";
export { genAiProviderName } from "./attributes.ts";
