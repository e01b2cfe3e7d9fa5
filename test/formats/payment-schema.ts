// The Avro record the format tests and the decode benchmark write: each Avro feature the decoder
// shows in its own way (a decimal and a timestamp logical type, an enum, a nullable union, a long),
// in the namespace a test chooses, with the extra fields it needs after them.
export interface AvroField {
  name: string;
  type: unknown;
  default?: unknown;
}

export function paymentSchema(namespace: string, extra: AvroField[]) {
  return {
    type: 'record',
    name: 'Payment',
    namespace,
    fields: [
      { name: 'id', type: 'string' },
      { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 } },
      { name: 'currency', type: { type: 'enum', name: 'Currency', symbols: ['EUR', 'USD', 'GBP'] } },
      { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
      { name: 'note', type: ['null', 'string'], default: null },
      ...extra,
    ] as AvroField[],
  };
}
