// A Cloudflare Worker that streams an Amazon Bedrock reply as plain text.
//   POST / {message}   the reply, streamed as it is generated
// The AWS credentials stay in the Worker's secrets (`wrangler secret put AWS_SECRET_ACCESS_KEY` …):
// Workers have no environment variables to read them from, so they are passed to the client. When
// the page goes away, the response body is cancelled, which aborts the Bedrock request.
// Deploy it as its own Worker: `wrangler deploy examples/worker/bedrock.ts --name bedrock-chat`.
import { bedrock } from "promptcall/bedrock";

/** The Worker's bindings: the credentials as secrets, the region and model as vars. */
export interface Env {
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
  AWS_REGION: string;
  BEDROCK_MODEL?: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { message } = (await request.json()) as { message: string };
    const reply = bedrock.call(
      {
        model: env.BEDROCK_MODEL ?? "amazon.nova-micro-v1:0",
        stream: true,
        client: { region: env.AWS_REGION, accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
        signal: request.signal,
      },
      (text: string) => text,
    );
    const stream = await reply(message);
    return stream.toResponse();
  },
};
