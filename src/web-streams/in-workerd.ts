/**
 * True in Cloudflare's workerd. It reports a fetch body cancelled (or aborted) while a read of it is
 * pending as an unhandled rejection, so the read loops there cancel only between reads.
 */
export const IN_WORKERD = typeof navigator !== "undefined" && navigator.userAgent === "Cloudflare-Workers";
