// The scripted model the demo uses when no API key is set: it answers like a model would, reading
// the conversation (tool results) from each request.
import { createScriptedProvider } from "promptcall/testing";

/** A scripted provider that plays a librarian who searches, checks a shelf and answers. */
export function scriptedLibrarian() {
  return createScriptedProvider((request) => {
    const last = request.messages.at(-1);
    const results = Array.isArray(last?.content) ? last.content.filter((p) => p.type === "tool_result") : [];
    if (request.responseSchema) {
      return {
        json: { recommendation: "Dune", author: "Frank Herbert", available: true, reason: "Two copies are on the shelf." },
      };
    }
    if (results.length === 0) return { toolCalls: [{ name: "search_books", args: { query: "dune" } }] };
    if (results[0].name === "search_books") {
      const [book] = JSON.parse(results[0].content);
      return { toolCalls: [{ name: "check_availability", args: { isbn: book.isbn } }] };
    }
    return { chunks: ["Dune ", "by Frank Herbert ", "is on the shelf: ", "2 copies."] };
  });
}
