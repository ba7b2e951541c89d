// Vertex AI's URLs. Regional endpoints are https://{location}-aiplatform.googleapis.com, the global
// one https://aiplatform.googleapis.com ("Deployments and endpoints", https://cloud.google.com/vertex-ai/generative-ai/docs/learn/locations#use_the_global_endpoint).
// Gemini: .../publishers/google/models/{model}:generateContent and :streamGenerateContent?alt=sse
// (https://cloud.google.com/vertex-ai/generative-ai/docs/reference/rest/v1/projects.locations.publishers.models/generateContent).
// Claude: .../publishers/anthropic/models/{model}:rawPredict and :streamRawPredict
// ("Claude on Vertex AI", https://docs.anthropic.com/en/api/claude-on-vertex-ai).

/** The API root of a location: the global host for "global", else the location's regional host. */
export function vertexBaseURL(location: string): string {
  return location === "global" ? "https://aiplatform.googleapis.com/v1" : `https://${location}-aiplatform.googleapis.com/v1`;
}

/** `{baseURL}/projects/{project}/locations/{location}`: where every publisher model lives. */
export function locationPath(baseURL: string, project: string, location: string): string {
  return `${baseURL.replace(/\/+$/, "")}/projects/${encodeURIComponent(project)}/locations/${encodeURIComponent(location)}`;
}

/** The URL of a Claude call on Vertex: `:rawPredict`, or `:streamRawPredict` for SSE streaming. */
export function anthropicModelUrl(root: string, model: string, stream: boolean): string {
  return `${root}/publishers/anthropic/models/${model}:${stream ? "streamRawPredict" : "rawPredict"}`;
}
