// The one exception the codec throws: the bytes cannot be a valid Kafka frame (truncated, garbage,
// unknown API key or version). The network layer answers it by closing the connection; Kafka-level
// errors (unknown topic, ...) are never exceptions but error codes inside responses
// (lib/common/kafka-error-codes.ts).

export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}
