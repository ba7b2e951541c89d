// The event-stream framing alone with @smithy/eventstream-codec, split by the 4-byte total length as its docs ask.
import { EventStreamCodec } from "@smithy/eventstream-codec";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const bytes = new Uint8Array(await (await fetch("/stream")).arrayBuffer());
let count = 0;
for (let at = 0; at < bytes.length; count++) {
  const length = new DataView(bytes.buffer, at).getUint32(0);
  codec.decode(bytes.subarray(at, at + length));
  at += length;
}
document.body.append(String(count));
