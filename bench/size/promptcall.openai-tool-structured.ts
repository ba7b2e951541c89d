// One zod tool and a structured (zod) answer, with the tool loop.
import { defineTool, isCallResponse } from "promptcall";
import { openai, type ChatCompletionMessageParam } from "promptcall/openai";
import { z } from "zod";

const getWeather = defineTool({
  name: "get_weather",
  description: "Current weather for a city",
  parameters: z.object({ city: z.string() }),
  call: async ({ city }) => ({ city, tempC: 21 }),
});
const Advice = z.object({ city: z.string(), tempC: z.number(), wear: z.array(z.string()) });

// The history is passed back in: `resume()` continues a call without its responseModel.
const advise = openai.call(
  { model: "gpt-4o-mini", tools: [getWeather], responseModel: Advice, client: { apiKey: "sk-test" } },
  (city: string, history: ChatCompletionMessageParam[]) => ({
    messages: [{ role: "user" as const, content: `What should I wear in ${city} today?` }, ...history],
  }),
);
const history: ChatCompletionMessageParam[] = [];
let result = await advise("Paris", history);
while (isCallResponse(result)) {
  // isCallResponse() narrows to BaseCallResponse, whose message params are `unknown`.
  history.push(
    result.messageParam as ChatCompletionMessageParam,
    ...(result.toolMessageParams(await result.executeTools()) as ChatCompletionMessageParam[]),
  );
  result = await advise("Paris", history);
}
// …and does not narrow the tool-response member away in the other branch (it is an Omit<…> type).
const advice = result as z.infer<typeof Advice>;
document.body.append(advice.wear.join(", "));
