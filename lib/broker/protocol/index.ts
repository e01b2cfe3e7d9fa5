// The public face of the sans-io Kafka wire codec: frames in, plain objects out, and back. Everything
// else in this folder is an implementation detail; the network layer and the handlers import from here.

export { ApiKey, apiName, isFlexible, knownVersions } from './apis';
export {
  decodeRequest,
  decodeRequestHeader,
  decodeResponse,
  encodeRequest,
  encodeResponse,
  encodeResponseChunks,
  encodeResponseChunksAround,
  type RequestHeader,
} from './frames';
export {
  decodeConsumerAssignment,
  decodeConsumerSubscription,
  encodeConsumerAssignment,
  encodeConsumerSubscription,
} from './consumer-protocol';
export { ProtocolError } from './protocol-error';
export { Reader } from './reader';
export { Writer } from './writer';
export type * from './generated/types';
