// Deterministic response bodies for the loopback server, shared with the clients so they can check
// that they received every byte. Shapes follow the recorded fixtures
// (/work/shared/fixtures/openai/chat_stream_text.sse, anthropic/stream_text_docs.sse).

const WORDS = [
  " The",
  " capital",
  " of",
  " the",
  " UK",
  " is",
  " London",
  ".",
  " It",
  " sits",
  " on",
  " the",
  " Thames",
  ",",
  " and",
  " its",
  " café",
  " culture",
  " is",
  " lively",
  "!",
  "\n\n",
  ' "Quoted"',
  " text",
];

const OBFUSCATION = "HM7mrUsjkauU6fTns";
const CHUNK_HEAD =
  '{"id":"chatcmpl-Dx0Xq5Xx9rHB2ehcHZCRDsnuymUXc","object":"chat.completion.chunk","created":1782955818,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_d0469e1700","choices":[{"index":0,"delta":';

/** The i-th text delta of a generated stream. */
export function word(i) {
  return WORDS[i % WORDS.length];
}

/** Total UTF-16 length of the text of an n-delta stream made of `word(i)`. */
export function textLength(n) {
  let total = 0;
  const cycle = WORDS.reduce((sum, w) => sum + w.length, 0);
  total += Math.floor(n / WORDS.length) * cycle;
  for (let i = 0; i < n % WORDS.length; i++) total += WORDS[i].length;
  return total;
}

function openaiEvent(delta, finish, i) {
  const obf = OBFUSCATION.slice(0, 3 + (i % 12));
  return `data: ${CHUNK_HEAD}${JSON.stringify(delta)},"logprobs":null,"finish_reason":${finish ? `"${finish}"` : "null"}}],"usage":null,"obfuscation":"${obf}"}\n\n`;
}

const OPENAI_USAGE =
  'data: {"id":"chatcmpl-Dx0Xq5Xx9rHB2ehcHZCRDsnuymUXc","object":"chat.completion.chunk","created":1782955818,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_d0469e1700","choices":[],"usage":{"prompt_tokens":78,"completion_tokens":9,"total_tokens":87,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},"obfuscation":"dhWUdLZO659"}\n\n';

/** An OpenAI Chat Completions SSE body whose content deltas are `pieces` (an array or (i) => string, with count n). */
export function openaiStreamEvents(n, piece = word) {
  const events = [openaiEvent({ role: "assistant", content: "", refusal: null }, null, 0)];
  for (let i = 0; i < n; i++) events.push(openaiEvent({ content: piece(i) }, null, i));
  events.push(openaiEvent({}, "stop", n), OPENAI_USAGE, "data: [DONE]\n\n");
  return events;
}

/** An Anthropic Messages SSE body with n text deltas. */
export function anthropicStreamEvents(n, piece = word) {
  const ev = (name, data) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
  const events = [
    ev("message_start", {
      type: "message_start",
      message: {
        id: "msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY",
        type: "message",
        role: "assistant",
        content: [],
        model: "claude-haiku-4-5-20251001",
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 25, output_tokens: 1 },
      },
    }),
    ev("content_block_start", { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }),
    ev("ping", { type: "ping" }),
  ];
  for (let i = 0; i < n; i++)
    events.push(ev("content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: piece(i) } }));
  events.push(
    ev("content_block_stop", { type: "content_block_stop", index: 0 }),
    ev("message_delta", { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: n } }),
    ev("message_stop", { type: "message_stop" }),
  );
  return events;
}

/** A non-streaming Chat Completions body (shape of fixtures/openai/chat_text.json). */
export function openaiCompletionBody() {
  return JSON.stringify({
    id: "chatcmpl-D8Z5f52zQqikDBEKQMQoYcWMcWPeU",
    object: "chat.completion",
    created: 1770933883,
    model: "gpt-4o-mini-2024-07-18",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: "The capital of the UK is London.", refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: "stop",
      },
    ],
    usage: {
      prompt_tokens: 16,
      completion_tokens: 9,
      total_tokens: 25,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    },
    service_tier: "default",
    system_fingerprint: "fp_de604bd877",
  });
}

/** A deterministic JSON catalogue of at least `bytes` characters (strings with escapes and non-ASCII). */
export function catalogueJson(bytes) {
  const books = [];
  const parts = [];
  let size = 40;
  for (let i = 0; size < bytes; i++) {
    const book = {
      id: i,
      title: `Volume ${i}: the "${WORDS[i % WORDS.length].trim() || "blank"}" chronicles`,
      author: i % 3 === 0 ? "Ursula K. Le Guin" : i % 3 === 1 ? "Frank Herbert" : "Günter Grass",
      year: 1900 + (i % 120),
      rating: Math.round(((i * 37) % 500) / 10) / 10,
      available: i % 2 === 0,
      tags: ["fiction", i % 4 === 0 ? "classic" : "modern", `shelf-${i % 17}`],
      summary: `Line one of ${i}.\nLine two — with a tab\tand a backslash \\ and an emoji-free é.`,
    };
    books.push(book);
    const text = JSON.stringify(book);
    parts.push(text);
    size += text.length + 1;
  }
  return JSON.stringify({ title: "Bench catalogue", count: books.length, books });
}

/** Splits text into fragments of `size` UTF-16 units (the JSON above has no astral characters). */
export function fragments(text, size = 50) {
  const out = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** The delta pieces for a "big text" stream: `total` characters in pieces of `per` characters. */
export function bigTextPiece(per) {
  const unit = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ";
  const text = unit.repeat(Math.ceil(per / unit.length) + 1).slice(0, per);
  return () => text;
}

/** The tool-loop server's answer: a get_weather call first, the JSON answer once a tool result came back. */
export function openaiToolFlowBody(requestText) {
  let request = {};
  try {
    request = JSON.parse(requestText);
  } catch {}
  const answered = (request.messages ?? []).some((m) => m.role === "tool");
  const message = answered
    ? { role: "assistant", content: JSON.stringify({ city: "Paris", tempC: 21, wear: ["coat", "umbrella"] }), refusal: null }
    : {
        role: "assistant",
        content: null,
        refusal: null,
        tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }],
      };
  return JSON.stringify({
    id: "chatcmpl-tools",
    object: "chat.completion",
    created: 1770933883,
    model: "gpt-4o-mini-2024-07-18",
    choices: [{ index: 0, message, logprobs: null, finish_reason: answered ? "stop" : "tool_calls" }],
    usage: { prompt_tokens: 50, completion_tokens: 10, total_tokens: 60 },
  });
}
