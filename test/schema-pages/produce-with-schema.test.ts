// Producing with a schema through the produce route: a value typed as JSON is encoded with the
// subject's version (or latest) and Confluent-framed, then read back two ways — by an independent
// deserializer (@kafkajs/confluent-schema-registry, fetching the schema from the embedded registry
// by the id in the frame) and by the console's own decode step — and compared field by field.
// A value that does not fit is a 400 naming the field, and nothing is written.
import { SchemaType } from '@kafkajs/confluent-schema-registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getMessages, POST as produce } from '../../app/api/clusters/[cluster]/topics/[topic]/messages/route';
import { MessagePageSchema } from '../../lib/schemas/message';
import { call, createTopic, uniqueName } from '../api/harness';
import { startFormatsHarness, type FormatsHarness } from '../formats/harness';
import { paymentSchema } from '../formats/payment-schema';

let h: FormatsHarness;

const PAYMENT = paymentSchema('produce.test', [
  { name: 'count', type: 'long' },
  { name: 'tags', type: { type: 'array', items: 'string' }, default: [] },
]);
const SHIPMENT = `syntax = "proto3";
package produce.test;
message Shipment {
  string id = 1;
  Status status = 2;
  Address to = 3;
  int64 weight = 4;
  repeated string items = 5;
  enum Status { UNKNOWN = 0; PACKED = 1; SHIPPED = 2; }
  message Address { string city = 1; string country = 2; }
}
`;
const EVENT = JSON.stringify({ type: 'object', properties: { kind: { type: 'string', enum: ['a', 'b'] }, n: { type: 'integer' } }, required: ['kind'], additionalProperties: false });

const topics = { payments: '', shipments: '', events: '' };

beforeAll(async () => {
  h = await startFormatsHarness();
  for (const k of Object.keys(topics) as (keyof typeof topics)[]) {
    topics[k] = uniqueName(k);
    await createTopic(h, topics[k]);
  }
  await h.client.register({ type: SchemaType.AVRO, schema: JSON.stringify(PAYMENT) }, { subject: `${topics.payments}-value` });
  await h.client.register({ type: SchemaType.PROTOBUF, schema: SHIPMENT }, { subject: `${topics.shipments}-value` });
  await h.client.register({ type: SchemaType.JSON, schema: EVENT }, { subject: `${topics.events}-value` });
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const send = (topic: string, value: string, version: number | 'latest' = 'latest', key: string | null = 'k') =>
  call(produce, `/api/clusters/test/topics/${topic}/messages`, { topic }, { method: 'POST', body: { key, value, valueSchema: { subject: `${topic}-value`, version } } });

async function rawValues(topic: string): Promise<Buffer[]> {
  const consumer = h.kafka.consumer({ groupId: uniqueName('oracle') });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const out: Buffer[] = [];
  const admin = h.kafka.admin();
  await admin.connect();
  const end = Number((await admin.fetchTopicOffsets(topic))[0]!.high);
  await admin.disconnect();
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ message }) => {
        out.push(message.value!);
        if (out.length >= end) resolve();
      },
    });
  });
  await consumer.disconnect();
  return out;
}

async function decodedPage(topic: string) {
  const r = await call(getMessages, `/api/clusters/test/topics/${topic}/messages?from=earliest&order=asc&limit=50`, { topic });
  return MessagePageSchema.parse(r.body).messages;
}

describe('produce with a schema', () => {
  it('Avro: decimal, timestamp, union, 64-bit long and a defaulted field, read back exactly by an independent deserializer', async () => {
    const value = JSON.stringify({ id: 'p-1', amount: '-1234.50', currency: 'GBP', at: '2024-05-06T07:08:09.123Z', note: { string: 'refund' }, count: 2 ** 40 + 1 });
    const r = await send(topics.payments, value);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    // Beyond a double's 53 bits, typed in full: only an exact reader can check it.
    const big = await send(topics.payments, '{"id": "p-2", "amount": 0, "currency": "EUR", "at": 0, "count": 9007199254740993, "note": "bare"}');
    expect(big.status, JSON.stringify(big.body)).toBe(201);
    const [raw] = await rawValues(topics.payments);
    expect(raw![0]).toBe(0);
    expect(raw!.readUInt32BE(1)).toBe(await h.client.getLatestSchemaId(`${topics.payments}-value`));
    const oracle = await h.client.decode(raw!);
    expect(oracle.id).toBe('p-1');
    expect(Buffer.from(oracle.amount).readIntBE(0, oracle.amount.length)).toBe(-123450);
    expect(oracle.currency).toBe('GBP');
    expect(Number(oracle.at)).toBe(Date.UTC(2024, 4, 6, 7, 8, 9, 123));
    expect(oracle.note).toBe('refund');
    expect(oracle.tags).toEqual([]);
    expect(oracle.count).toBe(2 ** 40 + 1);
    const [m, m2] = await decodedPage(topics.payments);
    expect(m!.value!.encoding).toBe('avro');
    expect(m2!.value!.text).toContain('"count":9007199254740993');
    expect(JSON.parse(m2!.value!.text!)).toMatchObject({ amount: '0.00', at: '1970-01-01T00:00:00.000Z', note: { string: 'bare' } });
    expect(JSON.parse(m!.value!.text!)).toMatchObject({ id: 'p-1', amount: '-1234.50', currency: 'GBP', at: '2024-05-06T07:08:09.123Z', note: { string: 'refund' }, tags: [] });
    expect(m!.value!.schema).toMatchObject({ subject: `${topics.payments}-value`, version: 1 });
  });

  it('Avro: a wrong value is refused naming the field, and nothing is written', async () => {
    const base = { id: 'x', amount: '1.00', currency: 'EUR', at: 0, count: 1 };
    const cases: [object, RegExp, string][] = [
      [{ ...base, count: 'many' }, /value at \/count: expected a long/, 'value.count'],
      [{ ...base, currency: 'JPY' }, /value at \/currency: expected one of EUR, USD, GBP/, 'value.currency'],
      [{ ...base, amount: '1.234' }, /value at \/amount: 1\.234 has 3 decimal places; the schema's scale is 2/, 'value.amount'],
      [{ ...base, colour: 'red' }, /value at \/colour: record produce\.test\.Payment has no field "colour"/, 'value.colour'],
      [{ id: 'x', amount: '1.00', currency: 'EUR', at: 0 }, /value at \/count: missing field "count"/, 'value.count'],
      [{ ...base, note: 5 }, /value at \/note: expected a string, got the number 5/, 'value.note'],
    ];
    for (const [value, message, field] of cases) {
      const r = await send(topics.payments, JSON.stringify(value));
      expect(r.status, JSON.stringify(value)).toBe(400);
      expect(r.body.detail).toMatch(message);
      expect(r.body.field).toBe(field);
    }
    expect((await send(topics.payments, '{"id": ')).body.detail).toMatch(/not valid JSON/);
    expect(await decodedPage(topics.payments)).toHaveLength(2);
  });

  it('Protobuf: enum by name, nested message, repeated field and an exact int64, framed with message index 0', async () => {
    const value = '{"id": "s-1", "status": "SHIPPED", "to": {"city": "Lyon", "country": "FR"}, "weight": 9223372036854775807, "items": ["a", "b"]}';
    const r = await send(topics.shipments, value);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const [raw] = await rawValues(topics.shipments);
    expect(raw![5]).toBe(0); // message indexes [0]
    const [m] = await decodedPage(topics.shipments);
    expect(m!.value!.encoding).toBe('protobuf');
    expect(m!.value!.text).toContain('"weight":9223372036854775807');
    expect(JSON.parse(m!.value!.text!)).toMatchObject({ id: 's-1', status: 'SHIPPED', to: { city: 'Lyon', country: 'FR' }, items: ['a', 'b'] });
    const bad = await send(topics.shipments, '{"id": "s-2", "status": "LOST"}');
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toMatch(/value at \/status: expected one of UNKNOWN, PACKED, SHIPPED/);
    const unknown = await send(topics.shipments, '{"id": "s-2", "to": {"town": "Lyon"}}');
    expect(unknown.body.detail).toMatch(/value at \/to\/town: message produce\.test\.Shipment\.Address has no field "town"/);
  });

  it('JSON Schema: a valid value is framed as JSON; a missing required or extra property is refused', async () => {
    expect((await send(topics.events, '{"kind": "a", "n": 3}')).status).toBe(201);
    const [raw] = await rawValues(topics.events);
    expect(await h.client.decode(raw!)).toEqual({ kind: 'a', n: 3 });
    const missing = await send(topics.events, '{"n": 3}');
    expect(missing.status).toBe(400);
    expect(missing.body.detail).toMatch(/value at \/kind: missing required property "kind"/);
    expect((await send(topics.events, '{"kind": "c"}')).body.detail).toMatch(/value at \/kind: expected one of "a", "b"/);
    expect((await send(topics.events, '{"kind": "a", "x": 1}')).body.detail).toMatch(/value at \/x: property "x" is not allowed/);
  });

  it('an unknown subject or version is a 404 from the registry', async () => {
    const r = await call(produce, '/api/clusters/test/topics/x/messages', { topic: topics.events }, { method: 'POST', body: { value: '{}', valueSchema: { subject: 'nope-value' } } });
    expect(r.status).toBe(404);
    expect(r.body.detail).toMatch(/40401/);
    expect((await send(topics.events, '{"kind":"a"}', 7)).status).toBe(404);
  });
});
