// Google's name for the shared base64 helper.
export { bytesToBase64 as encodeBase64 } from "../../core/base64";
