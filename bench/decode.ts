// Decode throughput (not a test): pages of 500 Confluent-framed records, Avro and Protobuf shaped like
// the demo's payments and shipments, decoded by the one decode step (decideFormat + payloadOf, what
// every browse and search record goes through) with the schema already resolved and cached, as it is
// after a page's first lookup. Prints records per second (median of several timed rounds) per format.
import { PAYLOAD_CAP_BYTES, decideFormat, payloadOf, type ResolvedSchema } from '../lib/decode';
import { compileRegistrySchema, type RegistrySchemaSource } from '../lib/decode/formats';
import { encodeWithSchema, isEncodeFailure } from '../lib/encode';
import { paymentSchema } from '../test/formats/payment-schema';

const PAGE = 500;

const PAYMENT = paymentSchema('bench', [{ name: 'customer', type: 'long' }]);
const SHIPMENT = `syntax = "proto3";
package bench;
message Shipment {
  string id = 1;
  Status status = 2;
  Address to = 3;
  repeated Item items = 4;
  int64 weight_grams = 5;
  enum Status { UNKNOWN = 0; PACKED = 1; SHIPPED = 2; DELIVERED = 3; }
  message Address { string city = 1; string country = 2; string postcode = 3; }
  message Item { string sku = 1; int32 quantity = 2; }
}
`;

function resolved(id: number, source: RegistrySchemaSource): ResolvedSchema {
  const compiled = compileRegistrySchema(source);
  if ('error' in compiled) throw new Error(compiled.error);
  return { id, type: source.schemaType ?? 'AVRO', compiled, subject: 'bench-value', version: 1 };
}

function page(schema: ResolvedSchema, schemaText: string, valueOf: (i: number) => string): Uint8Array[] {
  return Array.from({ length: PAGE }, (_, i) => {
    const out = encodeWithSchema(valueOf(i), schema.id, schema.compiled, schemaText);
    if (isEncodeFailure(out)) throw new Error(`${out.path}: ${out.error}`);
    return out;
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Records per second decoding `records` (timed rounds after a warm-up), with a check that they decoded. */
function measure(records: Uint8Array[], schema: ResolvedSchema, encoding: string, rounds: number): number {
  const lookup = (id: number) => (id === schema.id ? schema : { error: `unknown id ${id}` });
  const decodePage = () => {
    let chars = 0;
    for (const bytes of records) {
      const p = payloadOf(bytes, decideFormat(bytes, 'auto', lookup), PAYLOAD_CAP_BYTES);
      if (p.encoding !== encoding) throw new Error(`a record decoded as ${p.encoding}${p.error ? `: ${p.error}` : ''}`);
      chars += p.text!.length;
    }
    return chars;
  };
  for (let i = 0; i < 20; i++) decodePage();
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const pages = 20;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < pages; i++) decodePage();
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    rates.push((pages * PAGE) / seconds);
  }
  return median(rates);
}

export function runDecodeBench(rounds = 7): void {
  const avroText = JSON.stringify(PAYMENT);
  const avro = resolved(1, { schema: avroText });
  const avroPage = page(avro, avroText, (i) =>
    JSON.stringify({ id: `pay-${i}`, amount: `${(i * 37) % 100000}.${String(i % 100).padStart(2, '0')}`, currency: ['EUR', 'USD', 'GBP'][i % 3], at: 1_700_000_000_000 + i * 1000, note: i % 4 === 0 ? { string: `note ${i}` } : null, customer: 9_000_000_000 + i }),
  );
  const proto = resolved(2, { schema: SHIPMENT, schemaType: 'PROTOBUF' });
  const protoPage = page(proto, SHIPMENT, (i) =>
    JSON.stringify({ id: `ship-${i}`, status: ['PACKED', 'SHIPPED', 'DELIVERED'][i % 3], to: { city: 'Lyon', country: 'FR', postcode: `690${i % 10}0` }, items: [{ sku: `sku-${i}`, quantity: 1 + (i % 5) }, { sku: 'sku-x', quantity: 2 }], weight_grams: 1200 + i }),
  );
  const bytes = (p: Uint8Array[]) => p.reduce((n, b) => n + b.length, 0) / p.length;
  console.log(`decode step, pages of ${PAGE} Confluent-framed records, schema cached, median of ${rounds} rounds of 20 pages`);
  for (const [name, records, schema, encoding] of [
    ['Avro', avroPage, avro, 'avro'],
    ['Protobuf', protoPage, proto, 'protobuf'],
  ] as const) {
    const rate = measure(records, schema, encoding, rounds);
    console.log(`  ${name.padEnd(9)} ${Math.round(rate).toLocaleString('en-US').padStart(9)} records/s (${bytes(records).toFixed(0)} B/record, ${(1000 * PAGE / rate).toFixed(1)} ms per page)`);
  }
}
