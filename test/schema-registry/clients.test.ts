// Real clients accept the embedded registry: @kafkajs/confluent-schema-registry registers Avro,
// Protobuf and JSON Schema schemas and round-trips values through encode/decode; Apache Avro's
// Python implementation registers a schema over plain HTTP and frames a record that the kafkajs
// client (and Kafscope's own decoder) read back exactly.
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBroker } from '../../lib/broker';
import { compileRegistrySchema, confluentFrame, decodeFramed, isDecodeFailure } from '../../lib/decode/formats';
import type { RunningSchemaRegistry } from '../../lib/schema-registry';
import { pythonAsync } from '../decode/oracles';
import { call, startTestBroker, startTestRegistry, uniqueSubject } from './harness';

let broker: RunningBroker;
let registry: RunningSchemaRegistry;
let client: SchemaRegistry;

beforeAll(async () => {
  broker = await startTestBroker();
  registry = await startTestRegistry(broker);
  client = new SchemaRegistry({ host: registry.url });
});

afterAll(async () => {
  await registry?.close();
  await broker?.close();
});

describe('@kafkajs/confluent-schema-registry', () => {
  it('registers an Avro schema and round-trips a value', async () => {
    const subject = uniqueSubject('users-value');
    const schema = JSON.stringify({
      type: 'record',
      name: 'User',
      namespace: 'com.example',
      fields: [
        { name: 'name', type: 'string' },
        { name: 'age', type: ['null', 'int'], default: null },
      ],
    });
    const { id } = await client.register({ type: SchemaType.AVRO, schema }, { subject });
    expect(id).toBeGreaterThan(0);
    // The same schema again: the same id, no new version.
    expect((await client.register({ type: SchemaType.AVRO, schema }, { subject })).id).toBe(id);
    expect(await client.getLatestSchemaId(subject)).toBe(id);
    expect(await client.getRegistryIdBySchema(subject, { type: SchemaType.AVRO, schema })).toBe(id);

    const encoded = await client.encode(id, { name: 'Ada', age: 36 });
    expect(encoded[0]).toBe(0);
    expect(encoded.readInt32BE(1)).toBe(id);
    // A fresh client (empty cache) fetches the schema by id to decode.
    expect(await new SchemaRegistry({ host: registry.url }).decode(encoded)).toEqual({ name: 'Ada', age: 36 });
    // The client set the subject's level on first registration, as it does against Confluent.
    expect((await call(registry.url, 'GET', `/config/${subject}`)).body).toEqual({ compatibilityLevel: 'BACKWARD' });
  });

  it('registers a Protobuf schema and round-trips a value', async () => {
    const subject = uniqueSubject('orders-value');
    const schema = `syntax = "proto3";
package shop;
message Order {
  int64 id = 1;
  string sku = 2;
  repeated int32 qty = 3;
}`;
    const { id } = await client.register({ type: SchemaType.PROTOBUF, schema }, { subject });
    const byId = await call(registry.url, 'GET', `/schemas/ids/${id}`);
    expect(byId.body).toEqual({ schemaType: 'PROTOBUF', schema });
    const encoded = await client.encode(id, { id: 42, sku: 'A-1', qty: [1, 2] });
    const decoded = (await new SchemaRegistry({ host: registry.url }).decode(encoded)) as { id: { toString(): string }; sku: string; qty: number[] };
    expect(decoded.id.toString()).toBe('42');
    expect(decoded.sku).toBe('A-1');
    expect(decoded.qty).toEqual([1, 2]);
    // Kafscope's decoder reads the same bytes (this client writes no message-index array).
    const compiled = compileRegistrySchema({ schemaType: 'PROTOBUF', schema });
    if ('error' in compiled) throw new Error(compiled.error);
    const out = decodeFramed(confluentFrame(encoded)!, compiled);
    if (isDecodeFailure(out)) throw new Error(out.error);
    expect(out.json).toBe('{"id":42,"sku":"A-1","qty":[1,2]}');
  });

  it('registers a JSON Schema and round-trips a value', async () => {
    const subject = uniqueSubject('events-value');
    const schema = JSON.stringify({ type: 'object', properties: { kind: { type: 'string' }, n: { type: 'integer' } }, required: ['kind'] });
    const { id } = await client.register({ type: SchemaType.JSON, schema }, { subject });
    const encoded = await client.encode(id, { kind: 'click', n: 3 });
    expect(await new SchemaRegistry({ host: registry.url }).decode(encoded)).toEqual({ kind: 'click', n: 3 });
    expect((await call(registry.url, 'GET', `/subjects/${subject}/versions/latest`)).body).toEqual({ subject, version: 1, id, schemaType: 'JSON', schema });
  });

  it('ids are global: the same schema under another subject gets the same id, a new one the next', async () => {
    const a = uniqueSubject('a');
    const b = uniqueSubject('b');
    const schema = JSON.stringify({ type: 'record', name: 'Shared', fields: [{ name: 'x', type: 'long' }] });
    const first = await client.register({ type: SchemaType.AVRO, schema }, { subject: a });
    const second = await client.register({ type: SchemaType.AVRO, schema }, { subject: b });
    expect(second.id).toBe(first.id);
    const other = await client.register({ type: SchemaType.AVRO, schema: JSON.stringify({ type: 'record', name: 'Other', fields: [] }) }, { subject: uniqueSubject('c') });
    expect(other.id).toBeGreaterThan(first.id);
    expect((await call(registry.url, 'GET', `/schemas/ids/${first.id}/versions`)).body).toEqual([
      { subject: a, version: 1 },
      { subject: b, version: 1 },
    ]);
  });
});

describe('Apache Avro (Python) over plain HTTP', () => {
  it('registers a schema and frames a record the kafkajs client decodes exactly', async () => {
    const subject = uniqueSubject('py-value');
    const script = `
import io, json, sys, struct, urllib.request
import avro.schema, avro.io
url, subject = sys.argv[1], sys.argv[2]
schema_text = json.dumps({
  'type': 'record', 'name': 'Reading', 'namespace': 'iot',
  'fields': [
    {'name': 'sensor', 'type': 'string'},
    {'name': 'value', 'type': 'double'},
    {'name': 'count', 'type': 'long'},
    {'name': 'label', 'type': ['null', 'string'], 'default': None},
    {'name': 'kind', 'type': {'type': 'enum', 'name': 'Kind', 'symbols': ['TEMP', 'HUMIDITY']}},
  ],
}, indent=2)
req = urllib.request.Request(url + '/subjects/' + subject + '/versions',
  data=json.dumps({'schema': schema_text}).encode(),
  headers={'Content-Type': 'application/vnd.schemaregistry.v1+json'}, method='POST')
schema_id = json.load(urllib.request.urlopen(req))['id']
fetched = json.load(urllib.request.urlopen(url + '/schemas/ids/' + str(schema_id)))['schema']
writer = avro.io.DatumWriter(avro.schema.parse(fetched))
buf = io.BytesIO()
buf.write(b'\\x00' + struct.pack('>I', schema_id))
writer.write({'sensor': 's-1', 'value': 21.5, 'count': 2**40 + 7, 'label': 'lab', 'kind': 'HUMIDITY'}, avro.io.BinaryEncoder(buf))
print(json.dumps({'id': schema_id, 'framed': buf.getvalue().hex()}))
`;
    const out = JSON.parse(await pythonAsync(script.replace('sys.argv[1], sys.argv[2]', `${JSON.stringify(registry.url)}, ${JSON.stringify(subject)}`))) as { id: number; framed: string };
    const framed = Buffer.from(out.framed, 'hex');
    expect(framed.readInt32BE(1)).toBe(out.id);
    const decoded = await new SchemaRegistry({ host: registry.url }).decode(framed);
    expect(decoded).toEqual({ sensor: 's-1', value: 21.5, count: 2 ** 40 + 7, label: 'lab', kind: 'HUMIDITY' });
    // The registry stores the canonical (compacted) text.
    const version = (await call(registry.url, 'GET', `/subjects/${subject}/versions/1`)).body;
    expect(version).toMatchObject({ subject, version: 1, id: out.id });
    expect(version.schema).not.toMatch(/\n/);

    const compiled = compileRegistrySchema({ schema: version.schema });
    if ('error' in compiled) throw new Error(compiled.error);
    const mine = decodeFramed(confluentFrame(framed)!, compiled);
    if (isDecodeFailure(mine)) throw new Error(mine.error);
    expect(mine.json).toBe('{"sensor":"s-1","value":21.5,"count":1099511627783,"label":{"string":"lab"},"kind":"HUMIDITY"}');
  });
});
