// A small library-assistant agent: it calls tools until it has what it needs, then writes a
// structured summary. Runs on any provider through `llm.call`; the demo uses the scripted one.
import { defineTool, llm } from "promptcall";
import { z } from "zod";

const CATALOG = [
  { isbn: "9780441172719", title: "Dune", author: "Frank Herbert", year: 1965, copies: 2 },
  { isbn: "9780553293357", title: "Foundation", author: "Isaac Asimov", year: 1951, copies: 0 },
  { isbn: "9780765326355", title: "The Way of Kings", author: "Brandon Sanderson", year: 2010, copies: 1 },
];

export const searchBooks = defineTool({
  name: "search_books",
  description: "Searches the library catalog by a word in the title or author",
  parameters: z.object({ query: z.string() }),
  call: ({ query }) =>
    CATALOG.filter((b) => `${b.title} ${b.author}`.toLowerCase().includes(query.toLowerCase())).map(({ isbn, title, author, year }) => ({
      isbn,
      title,
      author,
      year,
    })),
});

export const checkAvailability = defineTool({
  name: "check_availability",
  description: "How many copies of a book (by ISBN) are on the shelf",
  parameters: z.object({ isbn: z.string() }),
  call: ({ isbn }) => ({ isbn, copies: CATALOG.find((b) => b.isbn === isbn)?.copies ?? 0 }),
});

export const Summary = z.object({
  recommendation: z.string().describe("The title to borrow"),
  author: z.string(),
  available: z.boolean(),
  reason: z.string(),
});

/**
 * Runs the agent. `target` is `{ provider, model }` for `llm.call` (a provider name or object).
 * @param {{ provider: any, model: string }} target
 * @param {string} request
 * @param {(line: string) => void} [onProgress]
 */
export async function runAgent(target, request, onProgress = () => {}) {
  const ask = llm.call(
    { ...target, tools: [searchBooks, checkAvailability] },
    (/** @type {string} */ question) => `SYSTEM: You are a librarian. Use the tools to find an available book.
USER: ${question}`,
  );
  let response = await ask(request);
  for (let turn = 1; response.tools.length > 0 && turn <= 6; turn++) {
    for (const tool of response.tools) onProgress(`turn ${turn}: ${tool.name}(${JSON.stringify(tool.args)})`);
    response = await response.resume(await response.executeTools());
  }
  onProgress(`answer: ${response.content}`);
  const history = [...response.messages, response.messageParam];
  const summarize = llm.call({ ...target, responseModel: Summary }, () => ({
    messages: [...history, { role: "user", content: "Summarise your recommendation." }],
  }));
  const summary = await summarize();
  return { answer: response.content, summary, usage: response.usage };
}
