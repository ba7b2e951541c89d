import type { ClientOptions } from "../../core/client-options";
import { readEnv } from "../../core/env";
import { AuthenticationError } from "../../errors/authentication-error";

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

/** Resolves the API key, base URL and headers; throws before any request when no key is found. */
export function resolveGoogleClient(client: GoogleClientOptions): ResolvedGoogleClient {
  const apiKey = client.apiKey ?? readEnv("GEMINI_API_KEY") ?? readEnv("GOOGLE_API_KEY");
  if (!apiKey) {
    throw new AuthenticationError(
      "No Gemini API key: pass client: { apiKey } or set the GEMINI_API_KEY (or GOOGLE_API_KEY) environment " +
        "variable. In browsers and Workers there is no environment: pass the key, or a baseURL of a proxy that adds it.",
      { status: 0, provider: "google", isRetryable: false },
    );
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
