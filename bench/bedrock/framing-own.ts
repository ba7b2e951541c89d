// The event-stream framing alone with promptcall's own decoder (src/providers/bedrock/event-stream-decoder.ts).
import { createEventStreamDecoder } from "../../src/providers/bedrock/event-stream-decoder.ts";

const result = createEventStreamDecoder().push(new Uint8Array(await (await fetch("/stream")).arrayBuffer()));
document.body.append(String(result.messages.length));
