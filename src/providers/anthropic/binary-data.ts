// Anthropic's names for the shared base64 helpers.
export { bytesToBase64, toBase64, decodeText as toText } from "../../core/base64";
