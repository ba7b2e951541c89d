/** One request the fake server received. */
export interface FakeRequest {
  /** The Authorization header as received. */
  authorization: string | null;
  /** The JSON request body. */
  body: { model?: string; stream?: boolean; messages?: { role: string; content: unknown }[]; [key: string]: unknown };
  /** Text chunks written so far. */
  chunksSent: number;
  /** The whole reply was sent. */
  finished: boolean;
  /** The client closed the connection before the reply ended. */
  clientClosed: boolean;
  /** `performance.now()` when the client closed the connection. */
  closedAt: number | undefined;
}

/** A running fake OpenAI server. */
export interface FakeOpenAI {
  /** The base URL to give as OPENAI_BASE_URL, e.g. "http://127.0.0.1:41234/v1". */
  baseURL: string;
  requests: FakeRequest[];
  /** Resolves to `performance.now()` when `record`'s client hung up, or undefined after `timeoutMs`. */
  waitForClientClose(record: FakeRequest, timeoutMs?: number): Promise<number | undefined>;
  close(): Promise<void>;
}

/** The short reply to `message`. */
export function shortReply(message: string): string;
/** The long ("story") reply's chunks. */
export function storyChunks(count?: number): string[];
/** Starts the fake server on 127.0.0.1. */
export function startFakeOpenAI(options?: {
  port?: number;
  delayMs?: number;
  storyDelayMs?: number;
  log?: (line: string) => void;
}): Promise<FakeOpenAI>;
