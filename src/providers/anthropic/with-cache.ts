import type { CacheControl } from "../../core/message-param.ts";
import type { AnthropicCacheControl } from "./api.ts";

/** Adds `cache_control` when the neutral part asked for it. */
export function withCache<T extends object>(block: T, cacheControl: CacheControl | undefined): T {
  if (!cacheControl) return block;
  const control: AnthropicCacheControl = { type: cacheControl.type };
  if (cacheControl.ttl) control.ttl = cacheControl.ttl;
  return { ...block, cache_control: control };
}
