// One streaming Bedrock call with promptcall/bedrock (bench/bedrock/compare.mjs measures its bundle).
import { bedrock } from "promptcall/bedrock";

const credentials = { region: "us-east-1", accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const haiku = bedrock.call(
  { model: "anthropic.claude-3-5-haiku-20241022-v1:0", stream: true, client: credentials },
  (topic: string) => `A haiku about ${topic}`,
);
const stream = await haiku("rain");
let text = "";
for await (const [chunk] of stream) text += chunk.content;
document.body.append(text);
