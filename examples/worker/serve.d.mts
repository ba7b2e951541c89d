import type { Miniflare } from "miniflare";
import type { FakeOpenAI } from "./fake-openai.mjs";

/** Options of {@link serveExample}. */
export interface ServeOptions {
  /** The port to listen on (0 = any free port; default 8787). */
  port?: number;
  /** The OpenAI key; without it a local fake OpenAI server is started. */
  apiKey?: string;
  baseURL?: string;
  model?: string;
  log?: (line: string) => void;
}

/** Builds the example Worker and serves it in miniflare on 127.0.0.1. */
export function serveExample(
  options?: ServeOptions,
): Promise<{ url: URL; fake: FakeOpenAI | undefined; mf: Miniflare; close(): Promise<void> }>;
