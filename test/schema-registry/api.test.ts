// The REST surface clients rely on, call by call: media types, Confluent's error bodies and codes,
// lookups, the bare-schema variants, references, and concurrent registrations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBroker } from '../../lib/broker';
import type { RunningSchemaRegistry } from '../../lib/schema-registry';
import { call, startTestBroker, startTestRegistry, uniqueSubject } from './harness';

let broker: RunningBroker;
let registry: RunningSchemaRegistry;
let url: string;

beforeAll(async () => {
  broker = await startTestBroker();
  registry = await startTestRegistry(broker);
  url = registry.url;
});

afterAll(async () => {
  await registry?.close();
  await broker?.close();
});

const record = (name: string, fields: object[] = []) => JSON.stringify({ type: 'record', name, fields });

describe('media types and HTTP errors', () => {
  it('answers Confluent JSON and accepts application/json and no type', async () => {
    const subject = uniqueSubject('media');
    expect((await call(url, 'POST', `/subjects/${subject}/versions`, { schema: '"int"' }, 'application/json')).status).toBe(200);
    // Bytes as the body: fetch sends no content type at all.
    const res = await fetch(`${url}/subjects/${subject}/versions`, { method: 'POST', body: new TextEncoder().encode(JSON.stringify({ schema: '"int"' })) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.schemaregistry.v1+json');
    const refused = await call(url, 'POST', `/subjects/${subject}/versions`, { schema: '"int"' }, 'text/plain');
    expect([refused.status, refused.body.error_code]).toEqual([415, 415]);
  });

  it('unknown paths are 404, wrong methods 405, bad JSON 400, all as error bodies', async () => {
    expect((await call(url, 'GET', '/nope')).body).toEqual({ error_code: 404, message: 'HTTP 404 Not Found' });
    expect((await call(url, 'PATCH', '/subjects')).body.error_code).toBe(405);
    const bad = await call(url, 'POST', '/subjects/x/versions', '{"schema":');
    expect([bad.status, bad.body.error_code]).toEqual([400, 400]);
    expect((await call(url, 'GET', '/')).body).toEqual({});
    expect((await call(url, 'GET', '/schemas/types')).body).toEqual(['JSON', 'PROTOBUF', 'AVRO']);
  });
});

describe("Confluent's error codes", () => {
  it('40401 subject, 40402 version, 42202 invalid version, 40403 schema', async () => {
    const subject = uniqueSubject('codes');
    expect((await call(url, 'GET', `/subjects/${subject}/versions`)).body.error_code).toBe(40401);
    expect((await call(url, 'GET', `/subjects/${subject}/versions/latest`)).body.error_code).toBe(40401);
    await call(url, 'POST', `/subjects/${subject}/versions`, { schema: record('Codes') });
    const missing = await call(url, 'GET', `/subjects/${subject}/versions/9`);
    expect([missing.status, missing.body.error_code]).toEqual([404, 40402]);
    for (const v of ['0', 'abc', '-2', '2147483648']) {
      const invalid = await call(url, 'GET', `/subjects/${subject}/versions/${v}`);
      expect([invalid.status, invalid.body.error_code]).toEqual([422, 42202]);
    }
    const noSchema = await call(url, 'GET', '/schemas/ids/999999');
    expect([noSchema.status, noSchema.body.error_code]).toEqual([404, 40403]);
    expect((await call(url, 'GET', `/config/${subject}`)).body.error_code).toBe(40408);
    expect((await call(url, 'GET', `/config/${subject}?defaultToGlobal=true`)).body).toEqual({ compatibilityLevel: 'BACKWARD' });
  });

  it('42201 for invalid Avro, Protobuf and JSON Schema, and for missing references', async () => {
    const subject = uniqueSubject('invalid');
    const cases = [
      { schema: '{"type":"record","name":"X","fields":[{"name":"a","type":"nope"}]}' },
      { schema: '{not json' },
      { schema: '' },
      { schema: 'message {', schemaType: 'PROTOBUF' },
      { schema: 'syntax = "proto3"; message A { Missing m = 1; }', schemaType: 'PROTOBUF' },
      { schema: '[1,2]', schemaType: 'JSON' },
      { schema: '"int"', schemaType: 'XML' },
      { schema: record('R', [{ name: 'x', type: 'com.other.Thing' }]), references: [{ name: 'com.other.Thing', subject: 'nowhere', version: 1 }] },
    ];
    for (const body of cases) {
      const res = await call(url, 'POST', `/subjects/${subject}/versions`, body);
      expect([res.status, res.body.error_code], JSON.stringify(body)).toEqual([422, 42201]);
    }
  });
});

describe('lookups and bare schemas', () => {
  it('POST /subjects/{s} finds the version holding a schema, whatever its whitespace', async () => {
    const subject = uniqueSubject('lookup');
    const schema = record('Look', [{ name: 'a', type: 'int' }]);
    const { id } = (await call(url, 'POST', `/subjects/${subject}/versions`, { schema })).body;
    const spaced = JSON.stringify(JSON.parse(schema), null, 2);
    expect((await call(url, 'POST', `/subjects/${subject}`, { schema: spaced })).body).toEqual({ subject, version: 1, id, schema });
    const other = await call(url, 'POST', `/subjects/${subject}`, { schema: record('Other') });
    expect([other.status, other.body.error_code]).toEqual([404, 40403]);
    expect((await call(url, 'POST', `/subjects/${uniqueSubject('none')}`, { schema })).body.error_code).toBe(40401);
    expect((await call(url, 'GET', `/subjects/${subject}/versions/1/schema`)).text).toBe(schema);
    expect((await call(url, 'GET', `/schemas/ids/${id}/schema`)).text).toBe(schema);
    expect((await call(url, 'GET', `/schemas/ids/${id}/subjects`)).body).toEqual([subject]);
  });

  it('a subject name with a slash travels URL-encoded', async () => {
    const subject = `${uniqueSubject('a')}/b`;
    const res = await call(url, 'POST', `/subjects/${encodeURIComponent(subject)}/versions`, { schema: '"bytes"' });
    expect(res.status).toBe(200);
    expect((await call(url, 'GET', '/subjects')).body).toContain(subject);
  });
});

describe('references', () => {
  it('an Avro schema may use a named type registered under another subject', async () => {
    const base = uniqueSubject('money');
    await call(url, 'POST', `/subjects/${base}/versions`, { schema: JSON.stringify({ type: 'record', name: 'Money', namespace: 'fin', fields: [{ name: 'cents', type: 'long' }] }) });
    const refs = [{ name: 'fin.Money', subject: base, version: 1 }];
    const subject = uniqueSubject('invoice');
    const schema = record('Invoice', [{ name: 'total', type: 'fin.Money' }]);
    const res = await call(url, 'POST', `/subjects/${subject}/versions`, { schema, references: refs });
    expect(res.status).toBe(200);
    expect((await call(url, 'GET', `/schemas/ids/${res.body.id}`)).body).toEqual({ references: refs, schema });
    expect((await call(url, 'GET', `/subjects/${base}/versions/1/referencedby`)).body).toEqual([res.body.id]);
    // The referenced version cannot be deleted while it is referenced.
    expect((await call(url, 'DELETE', `/subjects/${base}/versions/1`)).body.error_code).toBe(42206);
  });

  it('a Protobuf schema may import a file registered under another subject', async () => {
    const common = uniqueSubject('common.proto');
    await call(url, 'POST', `/subjects/${common}/versions`, { schemaType: 'PROTOBUF', schema: 'syntax = "proto3"; package common; message Money { int64 cents = 1; }' });
    const schema = 'syntax = "proto3"; package shop; import "common.proto"; message Invoice { common.Money total = 1; }';
    const without = await call(url, 'POST', `/subjects/${uniqueSubject('inv')}/versions`, { schemaType: 'PROTOBUF', schema });
    expect(without.body.error_code).toBe(42201);
    const res = await call(url, 'POST', `/subjects/${uniqueSubject('inv')}/versions`, { schemaType: 'PROTOBUF', schema, references: [{ name: 'common.proto', subject: common, version: 1 }] });
    expect(res.status).toBe(200);
  });
});

describe('concurrency', () => {
  it('parallel registrations get distinct ids and versions, one writer at a time', async () => {
    const subject = uniqueSubject('parallel');
    await call(url, 'PUT', `/config/${subject}`, { compatibility: 'NONE' });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => call(url, 'POST', `/subjects/${subject}/versions`, { schema: record(`P${i}`) })));
    const ids = results.map((r) => r.body.id as number);
    expect(new Set(ids).size).toBe(12);
    expect((await call(url, 'GET', `/subjects/${subject}/versions`)).body).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });
});
