// The same streaming Bedrock call with the AWS SDK's Bedrock runtime client (ConverseStreamCommand).
import { BedrockRuntimeClient, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({
  region: "us-east-1",
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
});
const response = await client.send(
  new ConverseStreamCommand({
    modelId: "anthropic.claude-3-5-haiku-20241022-v1:0",
    messages: [{ role: "user", content: [{ text: "A haiku about rain" }] }],
  }),
);
let text = "";
for await (const event of response.stream ?? []) text += event.contentBlockDelta?.delta?.text ?? "";
document.body.append(text);
