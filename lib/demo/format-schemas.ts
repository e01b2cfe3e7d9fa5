// The schemas of the demo's format topics, registered in the demo's own Schema Registry. `payments`
// is Avro with a union, a decimal and a timestamp-millis, in two versions (v2 adds an optional
// field, a BACKWARD-compatible change), both in use; `shipments` is Protobuf with an enum and nested
// messages (Shipment is the file's first message, the one Confluent's serializers write).
import 'server-only';
import { SchemaType, type SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { SUBJECTS } from './catalog';

const PAYMENT_FIELDS = [
  { name: 'paymentId', type: 'string' },
  { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 } },
  { name: 'currency', type: { type: 'enum', name: 'Currency', symbols: ['EUR', 'USD', 'GBP', 'JPY'] } },
  { name: 'createdAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
  { name: 'note', type: ['null', 'string'], default: null },
];

export const PAYMENT_V1 = { type: 'record', name: 'Payment', namespace: 'demo.payments', fields: PAYMENT_FIELDS };
export const PAYMENT_V2 = {
  ...PAYMENT_V1,
  fields: [...PAYMENT_FIELDS, { name: 'method', type: ['null', { type: 'enum', name: 'Method', symbols: ['CARD', 'TRANSFER', 'WALLET'] }], default: null }],
};

export const SHIPMENT_PROTO = `syntax = "proto3";
package demo.shipments;

message Shipment {
  string shipment_id = 1;
  Status status = 2;
  Address destination = 3;
  repeated Item items = 4;
  int64 weight_grams = 5;

  enum Status {
    STATUS_UNKNOWN = 0;
    PACKED = 1;
    IN_TRANSIT = 2;
    DELIVERED = 3;
  }
  message Address {
    string city = 1;
    string country = 2;
  }
  message Item {
    string sku = 1;
    int32 quantity = 2;
  }
}
`;

export interface DemoSchemaIds {
  paymentsV1: number;
  paymentsV2: number;
  shipments: number;
}

/** Registers the schemas (idempotent: the same schema again keeps its id) and returns their ids. */
export async function registerDemoSchemas(client: SchemaRegistry): Promise<DemoSchemaIds> {
  const paymentsV1 = (await client.register({ type: SchemaType.AVRO, schema: JSON.stringify(PAYMENT_V1) }, { subject: SUBJECTS.payments })).id;
  const paymentsV2 = (await client.register({ type: SchemaType.AVRO, schema: JSON.stringify(PAYMENT_V2) }, { subject: SUBJECTS.payments })).id;
  const shipments = (await client.register({ type: SchemaType.PROTOBUF, schema: SHIPMENT_PROTO }, { subject: SUBJECTS.shipments })).id;
  return { paymentsV1, paymentsV2, shipments };
}
