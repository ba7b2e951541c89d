import type { ClientOptions } from "../../http/client-options.ts";
import { readEnv } from "../../http/env.ts";
import { failures } from "./seams.ts";

/** How the Google provider reaches the Gemini API. */
export interface GoogleClientOptions extends ClientOptions {
  /** The Gemini API key; defaults to `GEMINI_API_KEY`, then `GOOGLE_API_KEY`, where the runtime has an environment. */
  apiKey?: string;
  /** Defaults to `https://generativelanguage.googleapis.com/v1beta`. */
  baseURL?: string;
}

/** The Gemini API's default base URL. */
export const GOOGLE_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";

/** A resolved client: the key, the base URL without a trailing slash, and the headers to send. */
export interface ResolvedGoogleClient {
  apiKey: string;
  baseURL: string;
  headers: Record<string, string>;
}

/**
 * Resolves the API key, base URL and headers; rejects with `AuthenticationError` before any request
 * when no key is found.
 */
export async function resolveGoogleClient(client: GoogleClientOptions): Promise<ResolvedGoogleClient> {
  const apiKey = client.apiKey ?? readEnv("GEMINI_API_KEY") ?? readEnv("GOOGLE_API_KEY");
  if (!apiKey) {
    // The error and its message load only when they are needed.
    throw (await failures()).missingKey();
  }
  const baseURL = (client.baseURL ?? GOOGLE_BASE_URL).replace(/\/+$/, "");
  const headers = { "content-type": "application/json", "x-goog-api-key": apiKey, ...client.headers };
  return { apiKey, baseURL, headers };
}

/** The REST path of a model: "gemini-2.5-flash" and "models/gemini-2.5-flash" both give "models/gemini-2.5-flash". */
export function modelPath(model: string): string {
  const trimmed = model.trim();
  if (/^(models|tunedModels)\//.test(trimmed)) return trimmed;
  return `models/${trimmed}`;
}

/** The URL of a generate call: `:generateContent`, or `:streamGenerateContent?alt=sse` for SSE streaming. */
export function generateUrl(baseURL: string, model: string, stream: boolean): string {
  const path = `${baseURL}/${modelPath(model)}`;
  return stream ? `${path}:streamGenerateContent?alt=sse` : `${path}:generateContent`;
}
