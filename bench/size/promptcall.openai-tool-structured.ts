// One zod tool and a structured (zod) answer, with the tool loop.
import { defineTool, isCallResponse } from "promptcall";
import { openai } from "promptcall/openai";
import { z } from "zod";

const getWeather = defineTool({
  name: "get_weather",
  description: "Current weather for a city",
  parameters: z.object({ city: z.string() }),
  call: async ({ city }) => ({ city, tempC: 21 }),
});
const Advice = z.object({ city: z.string(), tempC: z.number(), wear: z.array(z.string()) });

const advise = openai.call(
  { model: "gpt-4o-mini", tools: [getWeather], responseModel: Advice, client: { apiKey: "sk-test" } },
  (city: string) => `What should I wear in ${city} today?`,
);
let result = await advise("Paris");
while (isCallResponse(result)) {
  // resume() re-runs the same call, so it returns the structured value once no tool is called; its
  // declared type (Promise<this>) does not say so yet, hence the cast.
  result = (await result.resume(await result.executeTools())) as unknown as typeof result;
}
// isCallResponse() does not narrow the tool-response member away yet (it is an Omit<…> type).
const advice = result as z.infer<typeof Advice>;
document.body.append(advice.wear.join(", "));
