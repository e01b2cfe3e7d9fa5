// Records written by @kafkajs/confluent-schema-registry (Avro, Protobuf, JSON Schema) decode exactly
// through the messages route, field by field, with their schema's subject, version and id; bad
// records beside good ones get error badges and leave the page intact; search matches decoded text.
import { SchemaType } from '@kafkajs/confluent-schema-registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getMessages } from '../../app/api/clusters/[cluster]/topics/[topic]/messages/route';
import { GET as search } from '../../app/api/clusters/[cluster]/topics/[topic]/search/route';
import { MessagePageSchema, SearchEventSchema, type Message } from '../../lib/schemas/message';
import { call, createTopic } from '../api/harness';
import { frame, startFormatsHarness, type FormatsHarness } from './harness';
import { paymentSchema } from './payment-schema';

let h: FormatsHarness;

const PAYMENT_V1 = paymentSchema('test.payments', [{ name: 'count', type: 'long' }]);
const PAYMENT_V2 = { ...PAYMENT_V1, fields: [...PAYMENT_V1.fields, { name: 'method', type: ['null', 'string'], default: null }] };

const SHIPMENT_PROTO = `syntax = "proto3";
package test.shipments;
message Shipment {
  string id = 1;
  Status status = 2;
  Address to = 3;
  int64 weight = 4;
  enum Status { UNKNOWN = 0; PACKED = 1; SHIPPED = 2; }
  message Address { string city = 1; string country = 2; }
}
`;

const EVENT_JSON_SCHEMA = JSON.stringify({ type: 'object', properties: { kind: { type: 'string' }, n: { type: 'integer' } }, required: ['kind'] });

/** Two's complement big-endian bytes of an unscaled decimal. */
function decimalBytes(unscaled: bigint): Buffer {
  let hex = (unscaled < 0n ? (1n << 64n) + unscaled : unscaled).toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const b = Buffer.from(hex, 'hex');
  return unscaled >= 0n && b[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b;
}

const ids = { v1: 0, v2: 0, proto: 0, json: 0 };
const AT = Date.UTC(2024, 4, 17, 12, 30, 0, 250);

beforeAll(async () => {
  h = await startFormatsHarness();
  ids.v1 = (await h.client.register({ type: SchemaType.AVRO, schema: JSON.stringify(PAYMENT_V1) }, { subject: 'payments-value' })).id;
  ids.v2 = (await h.client.register({ type: SchemaType.AVRO, schema: JSON.stringify(PAYMENT_V2) }, { subject: 'payments-value' })).id;
  ids.proto = (await h.client.register({ type: SchemaType.PROTOBUF, schema: SHIPMENT_PROTO }, { subject: 'shipments-value' })).id;
  ids.json = (await h.client.register({ type: SchemaType.JSON, schema: EVENT_JSON_SCHEMA }, { subject: 'events-value' })).id;

  await createTopic(h, 'payments');
  const p1 = await h.client.encode(ids.v1, { id: 'p-1', amount: decimalBytes(123456n), currency: 'GBP', at: AT, note: null, count: 7 });
  const p2 = await h.client.encode(ids.v2, { id: 'p-2', amount: decimalBytes(-5n), currency: 'USD', at: AT, note: 'refund', count: 2 ** 40, method: 'card' });
  await h.producer.send({
    topic: 'payments',
    messages: [
      { key: 'p-1', value: p1 },
      { key: 'unknown-id', value: frame(987_654, p1.subarray(5)) },
      { key: 'p-2', value: p2 },
      { key: 'garbage', value: frame(ids.v1, Buffer.from([0x06, 0x70, 0x2d])) },
      { key: 'wrong-magic', value: frame(ids.v1, p1.subarray(5), 1) },
      { key: 'plain', value: 'just text' },
    ],
  });

  await createTopic(h, 'shipments');
  const s1 = await h.client.encode(ids.proto, { id: 's-1', status: 2, to: { city: 'Lyon', country: 'FR' }, weight: { low: 1, high: 0x200000, unsigned: false } /* 2^53 + 1, as protobufjs takes a Long */ });
  await h.producer.send({ topic: 'shipments', messages: [{ key: 's-1', value: s1 }, { key: 'bad', value: frame(ids.proto, Buffer.from([0x0a, 0x7f, 0x01])) }] });

  await createTopic(h, 'events');
  const e1 = await h.client.encode(ids.json, { kind: 'click', n: 3 });
  await h.producer.send({ topic: 'events', messages: [{ value: e1 }, { value: frame(ids.json, Buffer.from('{not json')) }] });
}, 60_000);
afterAll(() => h?.close());

const page = async (topic: string, qs = '') => {
  const r = await call(getMessages, `/api/clusters/test/topics/${topic}/messages?from=earliest&order=asc&limit=50${qs}`, { topic });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return MessagePageSchema.parse(r.body).messages;
};
const byKey = (ms: Message[], key: string) => ms.find((m) => m.key?.text === key)!;

describe('Avro through the registry', () => {
  it('decodes both schema versions field by field, with subject, version and id', async () => {
    const ms = await page('payments');
    expect(ms).toHaveLength(6);
    const p1 = byKey(ms, 'p-1').value!;
    expect(p1).toMatchObject({ encoding: 'avro', schema: { id: ids.v1, subject: 'payments-value', version: 1, type: 'AVRO' } });
    expect(p1.error).toBeUndefined();
    expect(JSON.parse(p1.text!)).toEqual({ id: 'p-1', amount: '1234.56', currency: 'GBP', at: '2024-05-17T12:30:00.250Z', note: null, count: 7 });
    const p2 = byKey(ms, 'p-2').value!;
    expect(p2).toMatchObject({ encoding: 'avro', schema: { id: ids.v2, subject: 'payments-value', version: 2 } });
    expect(JSON.parse(p2.text!)).toEqual({ id: 'p-2', amount: '-0.05', currency: 'USD', at: '2024-05-17T12:30:00.250Z', note: { string: 'refund' }, count: 2 ** 40, method: { string: 'card' } });
    // The raw bytes travel too, for the hex view.
    expect(Buffer.from(p2.base64!, 'base64')[0]).toBe(0);
  });

  it('bad records get badges beside good ones; the page is intact', async () => {
    const ms = await page('payments');
    expect(byKey(ms, 'unknown-id').value).toMatchObject({ encoding: 'binary', schema: { id: 987_654 } });
    expect(byKey(ms, 'unknown-id').value!.error).toMatch(/schema id 987654 not found/);
    const garbage = byKey(ms, 'garbage').value!;
    expect(garbage.encoding).toBe('binary');
    expect(garbage.error).toMatch(/^avro: /);
    expect(Buffer.from(garbage.base64!, 'base64')).toEqual(frame(ids.v1, Buffer.from([0x06, 0x70, 0x2d])));
    // Auto: a wrong magic byte is not framed, so it is shown by today's detection (binary here).
    expect(byKey(ms, 'wrong-magic').value).toMatchObject({ encoding: 'binary' });
    expect(byKey(ms, 'wrong-magic').value!.error).toBeUndefined();
    expect(byKey(ms, 'plain').value).toMatchObject({ encoding: 'text', text: 'just text' });
  });

  it('valueFormat=avro badges whatever is not framed Avro', async () => {
    const ms = await page('payments', '&valueFormat=avro');
    expect(byKey(ms, 'wrong-magic').value!.error).toMatch(/not Confluent-framed \(magic byte 1/);
    expect(byKey(ms, 'plain').value!.error).toMatch(/not Confluent-framed/);
    expect(byKey(ms, 'p-1').value!.encoding).toBe('avro');
  });

  it('valueFormat=protobuf on an Avro record names the mismatch', async () => {
    const ms = await page('payments', '&valueFormat=protobuf');
    expect(byKey(ms, 'p-1').value!.error).toMatch(/is a AVRO schema, not PROTOBUF/);
  });

  it('search matches a decoded field value (the enum symbol is not in the bytes)', async () => {
    const r = await call(search, `/api/clusters/test/topics/payments/search?q=${encodeURIComponent('"currency":"GBP"')}`, { topic: 'payments' });
    expect(r.status).toBe(200);
    const events = (await r.response.text()).trim().split('\n').map((l) => SearchEventSchema.parse(JSON.parse(l)));
    const matches = events.flatMap((e) => (e.type === 'match' ? [e.message] : []));
    expect(matches.map((m) => m.key?.text)).toEqual(['p-1']);
    expect(matches[0]!.value).toMatchObject({ encoding: 'avro', schema: { id: ids.v1 } });
    // With the value read as binary, the decoded text is not there to match.
    const raw = await call(search, `/api/clusters/test/topics/payments/search?q=${encodeURIComponent('"currency":"GBP"')}&valueFormat=binary`, { topic: 'payments' });
    expect((await raw.response.text()).includes('"type":"match"')).toBe(false);
  });
});

describe('Protobuf and JSON Schema through the registry', () => {
  it('Protobuf: an enum, a nested message and an exact int64', async () => {
    const ms = await page('shipments');
    const s1 = byKey(ms, 's-1').value!;
    expect(s1).toMatchObject({ encoding: 'protobuf', schema: { id: ids.proto, subject: 'shipments-value', version: 1, type: 'PROTOBUF' } });
    const parsed = JSON.parse(s1.text!);
    expect(parsed).toMatchObject({ id: 's-1', status: 'SHIPPED', to: { city: 'Lyon', country: 'FR' } });
    expect(s1.text).toMatch(/"weight":"?9007199254740993"?/);
    const bad = byKey(ms, 'bad').value!;
    expect(bad).toMatchObject({ encoding: 'binary', schema: { id: ids.proto } });
    expect(bad.error).toMatch(/^protobuf: /);
  });

  it('JSON Schema: the JSON as written; bad JSON badged', async () => {
    const [good, bad] = await page('events');
    expect(good!.value).toMatchObject({ encoding: 'json-schema', text: '{"kind":"click","n":3}', schema: { id: ids.json, subject: 'events-value', type: 'JSON' } });
    expect(bad!.value!.error).toMatch(/^json-schema: not JSON/);
  });
});
