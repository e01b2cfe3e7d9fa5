// The schema pages' API against the embedded Schema Registry on the embedded broker (real HTTP, real
// Kafka): subjects with filter, type and paging; a subject's versions, pretty-printed schemas, diff,
// compatibility and topics by TopicNameStrategy; the editor's changes behind SCHEMA_EDIT_ENABLED
// (403 when off, as it is for an external cluster by default); a BACKWARD-incompatible change shown
// by the check and refused with the registry's 409; and a registry that is down or hangs answered
// with 503 within the registry timeout. Registrations go through @kafkajs/confluent-schema-registry,
// an independent client, and the routes' answers are parsed with the DTO schemas.
import { SchemaType } from '@kafkajs/confluent-schema-registry';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listRoute } from '../../app/api/clusters/[cluster]/schemas/route';
import { GET as globalCompat, PUT as putGlobalCompat } from '../../app/api/clusters/[cluster]/schemas/compatibility/route';
import { DELETE as deleteSubjectRoute, GET as subjectRoute } from '../../app/api/clusters/[cluster]/schemas/subjects/[subject]/route';
import { POST as registerRoute } from '../../app/api/clusters/[cluster]/schemas/subjects/[subject]/versions/route';
import { DELETE as deleteVersionRoute, GET as versionRoute } from '../../app/api/clusters/[cluster]/schemas/subjects/[subject]/versions/[version]/route';
import { GET as diffRoute } from '../../app/api/clusters/[cluster]/schemas/subjects/[subject]/diff/route';
import { PUT as putSubjectCompat } from '../../app/api/clusters/[cluster]/schemas/subjects/[subject]/compatibility/route';
import { POST as checkRoute } from '../../app/api/clusters/[cluster]/schemas/subjects/[subject]/compatibility/check/route';
import { GET as topicSubjectsRoute } from '../../app/api/clusters/[cluster]/schemas/topics/[topic]/route';
import { setRegistryClientDefaults } from '../../lib/kafka/formats/registry-clients';
import {
  CompatibilityCheckSchema,
  SchemaDiffSchema,
  SchemaVersionSchema,
  SubjectDetailSchema,
  SubjectListSchema,
  TopicSubjectsSchema,
} from '../../lib/schemas/schema-registry';
import { loadAppConfig } from '../../lib/config';
import { configureClusters } from '../../lib/kafka/connection/registry';
import { TEST_CLUSTER, call, createTopic } from '../api/harness';
import { configureRegistry, startFormatsHarness, type FormatsHarness } from '../formats/harness';

let h: FormatsHarness;
const EDIT = { SCHEMA_EDIT_ENABLED: 'true' };

const v1 = { type: 'record', name: 'Payment', namespace: 'demo', fields: [{ name: 'id', type: 'string' }, { name: 'amount', type: 'long' }] };
const v2 = { ...v1, fields: [...v1.fields, { name: 'note', type: ['null', 'string'], default: null }] };
/** Adds a field without a default: BACKWARD-incompatible (new readers cannot read old data). */
const incompatible = { ...v1, fields: [...v1.fields, { name: 'currency', type: 'string' }] };

const avro = (s: object) => ({ type: SchemaType.AVRO as const, schema: JSON.stringify(s) });

beforeAll(async () => {
  h = await startFormatsHarness(EDIT);
  await h.client.register(avro(v1), { subject: 'orders-value' });
  await h.client.register(avro(v2), { subject: 'orders-value' });
  await h.client.register({ type: SchemaType.PROTOBUF, schema: 'syntax = "proto3";\npackage s;\nmessage Shipment { string id = 1; }\n' }, { subject: 'shipments-value' });
  await h.client.register({ type: SchemaType.JSON, schema: JSON.stringify({ type: 'object', properties: { a: { type: 'string' } } }) }, { subject: 'json-thing' });
  await h.client.register(avro({ type: 'record', name: 'OrderKey', fields: [{ name: 'id', type: 'string' }] }), { subject: 'orders-key' });
  // Registered over plain HTTP: no subject level of its own.
  await fetch(`${h.registry.url}/subjects/plain-value/versions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ schema: '"string"' }) });
  await createTopic(h, 'orders');
}, 60_000);
afterAll(async () => {
  setRegistryClientDefaults({});
  await h?.close();
});

describe('schema pages: reading', () => {
  it('lists subjects with type, latest version and the global level; filters by name and type, pages', async () => {
    const all = SubjectListSchema.parse((await call(listRoute, '/api/clusters/test/schemas')).body);
    expect(all.globalCompatibility).toBe('BACKWARD');
    expect(all.items.map((s) => s.subject)).toEqual(['json-thing', 'orders-key', 'orders-value', 'plain-value', 'shipments-value']);
    const orders = all.items.find((s) => s.subject === 'orders-value')!;
    // @kafkajs/confluent-schema-registry sets a subject's own level on its first registration.
    expect(orders).toMatchObject({ type: 'AVRO', latestVersion: 2, compatibility: 'BACKWARD', deleted: false, topic: { name: 'orders', role: 'value' } });
    expect(all.items.find((s) => s.subject === 'shipments-value')!.type).toBe('PROTOBUF');
    expect(all.items.find((s) => s.subject === 'json-thing')!).toMatchObject({ type: 'JSON', topic: null });
    // plain-value has no level of its own: it follows the global one.
    const plain = SubjectListSchema.parse((await call(listRoute, '/api/clusters/test/schemas?q=plain')).body);
    expect(plain.items).toMatchObject([{ subject: 'plain-value', compatibility: null, type: 'AVRO' }]);

    const filtered = SubjectListSchema.parse((await call(listRoute, '/api/clusters/test/schemas?q=ORDERS')).body);
    expect(filtered.items.map((s) => s.subject)).toEqual(['orders-key', 'orders-value']);
    const proto = SubjectListSchema.parse((await call(listRoute, '/api/clusters/test/schemas?type=PROTOBUF')).body);
    expect(proto.items.map((s) => s.subject)).toEqual(['shipments-value']);
    const page2 = SubjectListSchema.parse((await call(listRoute, '/api/clusters/test/schemas?pageSize=3&page=2')).body);
    expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 3 });
    expect(page2.items.map((s) => s.subject)).toEqual(['plain-value', 'shipments-value']);
  });

  it("a subject: versions, the latest schema pretty-printed, its level and its topic", async () => {
    const r = await call(subjectRoute, '/api/clusters/test/schemas/subjects/orders-value', { subject: 'orders-value' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const d = SubjectDetailSchema.parse(r.body);
    expect(d.versions).toEqual([1, 2]);
    expect(d.deletedVersions).toEqual([]);
    expect(d.latest.version).toBe(2);
    expect(JSON.parse(d.latest.pretty)).toEqual(v2);
    expect(d.latest.pretty).toContain('\n  "fields": [');
    expect(d.compatibility).toEqual({ level: 'BACKWARD', own: true });
    expect(d.topics).toEqual([{ topic: 'orders', role: 'value' }]);
    const one = SchemaVersionSchema.parse((await call(versionRoute, '/api/clusters/test/schemas/subjects/x/versions/x', { subject: 'orders-value', version: '1' })).body);
    expect(JSON.parse(one.schema)).toEqual(v1);
    expect(one.type).toBe('AVRO');
  });

  it('diffs two versions line by line', async () => {
    const r = await call(diffRoute, '/api/clusters/test/schemas/subjects/orders-value/diff?from=1&to=2', { subject: 'orders-value' });
    const d = SchemaDiffSchema.parse(r.body);
    expect(d).toMatchObject({ from: 1, to: 2 });
    const added = d.lines.filter((l) => l.kind === 'added').map((l) => l.text.trim());
    expect(added.join(' ')).toContain('"name": "note"');
    expect(d.added).toBe(added.length);
    // Every line of both versions is there: the "same" and "removed" lines make version 1 again.
    expect(d.lines.filter((l) => l.kind !== 'added').map((l) => l.text).join('\n')).toBe(JSON.stringify(v1, null, 2));
    expect(d.lines.filter((l) => l.kind !== 'removed').map((l) => l.text).join('\n')).toBe(JSON.stringify(v2, null, 2));
  });

  it("a topic's key and value subjects", async () => {
    const t = TopicSubjectsSchema.parse((await call(topicSubjectsRoute, '/api/clusters/test/schemas/topics/x', { topic: 'orders' })).body);
    expect(t).toEqual({ registry: true, key: { subject: 'orders-key', type: 'AVRO', latestVersion: 1 }, value: { subject: 'orders-value', type: 'AVRO', latestVersion: 2 } });
    const none = TopicSubjectsSchema.parse((await call(topicSubjectsRoute, '/api/clusters/test/schemas/topics/x', { topic: 'nothing-here' })).body);
    expect(none).toEqual({ registry: true, key: null, value: null });
  });

  it('unknown subject and version are 404 with the registry error; a bad version is 400', async () => {
    const s = await call(subjectRoute, '/api/clusters/test/schemas/subjects/x', { subject: 'no-such' });
    expect(s.status).toBe(404);
    expect(s.body.detail).toMatch(/Subject 'no-such' not found.*40401/);
    const v = await call(versionRoute, '/api/clusters/test/schemas/subjects/x/versions/x', { subject: 'orders-value', version: '9' });
    expect(v.status).toBe(404);
    expect(v.body.detail).toMatch(/40402/);
    expect((await call(versionRoute, '/api/clusters/test/schemas/subjects/x/versions/x', { subject: 'orders-value', version: 'first' })).status).toBe(400);
    expect((await call(diffRoute, '/api/clusters/test/schemas/subjects/x/diff?from=1', { subject: 'orders-value' })).status).toBe(400);
  });
});

describe('schema pages: editing', () => {
  it('a BACKWARD-incompatible change: the check says why, registering is refused with 409 (registry code 409)', async () => {
    const check = await call(checkRoute, '/api/clusters/test/schemas/subjects/x/compatibility/check', { subject: 'orders-value' }, { method: 'POST', body: { schema: JSON.stringify(incompatible) } });
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    const verdict = CompatibilityCheckSchema.parse(check.body);
    expect(verdict.compatible).toBe(false);
    expect(verdict.messages.join(' ')).toMatch(/currency/);
    const refused = await call(registerRoute, '/api/clusters/test/schemas/subjects/x/versions', { subject: 'orders-value' }, { method: 'POST', body: { schema: JSON.stringify(incompatible) } });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/incompatible.*schema registry error 409/);
    expect(SubjectDetailSchema.parse((await call(subjectRoute, '/api/clusters/test/schemas/subjects/x', { subject: 'orders-value' })).body).versions).toEqual([1, 2]);
  });

  it('a compatible change is checked, then registered as the next version', async () => {
    const v3 = { ...v2, fields: [...v2.fields, { name: 'tag', type: 'string', default: '' }] };
    const verdict = CompatibilityCheckSchema.parse((await call(checkRoute, '/api/clusters/test/schemas/subjects/x/compatibility/check', { subject: 'orders-value' }, { method: 'POST', body: { schema: JSON.stringify(v3) } })).body);
    expect(verdict).toEqual({ compatible: true, messages: [], firstVersion: false });
    const r = await call(registerRoute, '/api/clusters/test/schemas/subjects/x/versions', { subject: 'orders-value' }, { method: 'POST', body: { schema: JSON.stringify(v3), schemaType: 'AVRO' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.version).toBe(3);
    expect(r.body.id).toBe((await h.client.getLatestSchemaId('orders-value')));
  });

  it('a new subject: the check says first version; an invalid schema is a 400 naming the registry code', async () => {
    const verdict = CompatibilityCheckSchema.parse((await call(checkRoute, '/api/clusters/test/schemas/subjects/x/compatibility/check', { subject: 'brand-new' }, { method: 'POST', body: { schema: '"string"' } })).body);
    expect(verdict).toMatchObject({ compatible: true, firstVersion: true });
    const bad = await call(registerRoute, '/api/clusters/test/schemas/subjects/x/versions', { subject: 'brand-new' }, { method: 'POST', body: { schema: '{"type":"record"}' } });
    expect(bad.status).toBe(400);
    expect(bad.body.title).toBe('Rejected by the schema registry');
    expect(bad.body.detail).toMatch(/42201/);
  });

  it('changes the global and a subject level, and drops the subject level again', async () => {
    const g = await call(putGlobalCompat, '/api/clusters/test/schemas/compatibility', {}, { method: 'PUT', body: { level: 'FULL' } });
    expect(g.body).toEqual({ level: 'FULL', own: true });
    expect((await call(globalCompat, '/api/clusters/test/schemas/compatibility')).body).toEqual({ level: 'FULL', own: true });
    const s = await call(putSubjectCompat, '/api/clusters/test/schemas/subjects/x/compatibility', { subject: 'orders-value' }, { method: 'PUT', body: { level: 'NONE' } });
    expect(s.body).toEqual({ level: 'NONE', own: true });
    const listed = SubjectListSchema.parse((await call(listRoute, '/api/clusters/test/schemas?q=orders-value')).body);
    expect(listed.items[0]!.compatibility).toBe('NONE');
    expect((await call(putSubjectCompat, '/api/clusters/test/schemas/subjects/x/compatibility', { subject: 'orders-value' }, { method: 'PUT', body: { level: null } })).body).toEqual({ level: 'FULL', own: false });
    expect((await call(putSubjectCompat, '/api/clusters/test/schemas/subjects/x/compatibility', { subject: 'orders-value' }, { method: 'PUT', body: { level: 'SIDEWAYS' } })).status).toBe(400);
    await call(putGlobalCompat, '/api/clusters/test/schemas/compatibility', {}, { method: 'PUT', body: { level: 'BACKWARD' } });
  });

  it('deletes a version softly, then for good; a subject likewise, hard only as a second step', async () => {
    await h.client.register(avro({ type: 'record', name: 'T', fields: [{ name: 'a', type: 'int' }] }), { subject: 'temp-value' });
    await h.client.register(avro({ type: 'record', name: 'T', fields: [{ name: 'a', type: 'int' }, { name: 'b', type: 'int', default: 0 }] }), { subject: 'temp-value' });
    const hardFirst = await call(deleteVersionRoute, '/api/clusters/test/schemas/subjects/x/versions/x?permanent=true', { subject: 'temp-value', version: '2' }, { method: 'DELETE' });
    expect(hardFirst.status).toBe(404);
    expect(hardFirst.body.detail).toMatch(/40407/);
    expect((await call(deleteVersionRoute, '/api/clusters/test/schemas/subjects/x/versions/x', { subject: 'temp-value', version: '2' }, { method: 'DELETE' })).body).toEqual({ versions: [2], permanent: false });
    let d = SubjectDetailSchema.parse((await call(subjectRoute, '/api/clusters/test/schemas/subjects/x', { subject: 'temp-value' })).body);
    expect(d).toMatchObject({ versions: [1], deletedVersions: [2] });
    expect((await call(deleteVersionRoute, '/api/clusters/test/schemas/subjects/x/versions/x?permanent=true', { subject: 'temp-value', version: '2' }, { method: 'DELETE' })).body).toEqual({ versions: [2], permanent: true });
    d = SubjectDetailSchema.parse((await call(subjectRoute, '/api/clusters/test/schemas/subjects/x', { subject: 'temp-value' })).body);
    expect(d).toMatchObject({ versions: [1], deletedVersions: [] });

    expect((await call(deleteSubjectRoute, '/api/clusters/test/schemas/subjects/x?permanent=true', { subject: 'temp-value' }, { method: 'DELETE' })).status).toBe(404);
    expect((await call(deleteSubjectRoute, '/api/clusters/test/schemas/subjects/x', { subject: 'temp-value' }, { method: 'DELETE' })).body).toEqual({ versions: [1], permanent: false });
    const withDeleted = SubjectListSchema.parse((await call(listRoute, '/api/clusters/test/schemas?deleted=true&q=temp')).body);
    expect(withDeleted.items).toMatchObject([{ subject: 'temp-value', deleted: true, latestVersion: 1 }]);
    expect(SubjectListSchema.parse((await call(listRoute, '/api/clusters/test/schemas?q=temp')).body).items).toEqual([]);
    expect(SubjectDetailSchema.parse((await call(subjectRoute, '/api/clusters/test/schemas/subjects/x', { subject: 'temp-value' })).body)).toMatchObject({ versions: [], deletedVersions: [1], latest: { deleted: true } });
    expect((await call(deleteSubjectRoute, '/api/clusters/test/schemas/subjects/x?permanent=true', { subject: 'temp-value' }, { method: 'DELETE' })).body).toEqual({ versions: [1], permanent: true });
    expect((await call(subjectRoute, '/api/clusters/test/schemas/subjects/x', { subject: 'temp-value' })).status).toBe(404);
  });
});

describe('schema pages: switch and failures', () => {
  it('SCHEMA_EDIT_ENABLED off (the default for an external cluster): every change is 403, reading and checking still work', async () => {
    configureRegistry(h, h.registry.url, {});
    try {
      const changes = [
        call(registerRoute, '/api/clusters/test/schemas/subjects/x/versions', { subject: 'orders-value' }, { method: 'POST', body: { schema: '"string"' } }),
        call(putGlobalCompat, '/api/clusters/test/schemas/compatibility', {}, { method: 'PUT', body: { level: 'NONE' } }),
        call(putSubjectCompat, '/api/clusters/test/schemas/subjects/x/compatibility', { subject: 'orders-value' }, { method: 'PUT', body: { level: 'NONE' } }),
        call(deleteSubjectRoute, '/api/clusters/test/schemas/subjects/x', { subject: 'orders-value' }, { method: 'DELETE' }),
        call(deleteVersionRoute, '/api/clusters/test/schemas/subjects/x/versions/x', { subject: 'orders-value', version: '1' }, { method: 'DELETE' }),
      ];
      for (const r of await Promise.all(changes)) {
        expect(r.status).toBe(403);
        expect(r.body.detail).toMatch(/SCHEMA_EDIT_ENABLED/);
      }
      expect((await call(subjectRoute, '/api/clusters/test/schemas/subjects/x', { subject: 'orders-value' })).status).toBe(200);
      expect((await call(checkRoute, '/api/clusters/test/schemas/subjects/x/compatibility/check', { subject: 'orders-value' }, { method: 'POST', body: { schema: '"string"' } })).status).toBe(200);
    } finally {
      configureRegistry(h, h.registry.url, EDIT);
    }
    expect(SubjectDetailSchema.parse((await call(subjectRoute, '/api/clusters/test/schemas/subjects/x', { subject: 'orders-value' })).body).versions).toEqual([1, 2, 3]);
  });

  it('a cluster without a registry: 404 saying so; its topics have no subjects', async () => {
    configureClusters(loadAppConfig({ KAFKA_CLUSTERS_0_NAME: TEST_CLUSTER, KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: h.broker.bootstrap, KAFSCOPE_PUBLIC_URL: 'http://console.test' }));
    try {
      const r = await call(listRoute, '/api/clusters/test/schemas');
      expect(r.status).toBe(404);
      expect(r.body.detail).toMatch(/no schema registry configured/);
      expect((await call(topicSubjectsRoute, '/api/clusters/test/schemas/topics/x', { topic: 'orders' })).body).toEqual({ registry: false, key: null, value: null });
    } finally {
      configureRegistry(h, h.registry.url, EDIT);
    }
  });

  it('a registry that is closed or hangs: 503 within the registry timeout, never a hung page', async () => {
    setRegistryClientDefaults({ timeoutMs: 800 });
    const hung = net.createServer(() => undefined);
    const sockets = new Set<net.Socket>();
    hung.on('connection', (s) => sockets.add(s));
    await new Promise<void>((r) => hung.listen(0, '127.0.0.1', r));
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const closedPort = (closed.address() as net.AddressInfo).port;
    await new Promise((r) => closed.close(r));
    try {
      for (const url of [`http://127.0.0.1:${(hung.address() as net.AddressInfo).port}`, `http://127.0.0.1:${closedPort}`]) {
        configureRegistry(h, url, EDIT);
        const started = Date.now();
        const r = await call(subjectRoute, '/api/clusters/test/schemas/subjects/x', { subject: 'orders-value-for-outage' });
        expect(Date.now() - started).toBeLessThan(800 + 1_500);
        expect(r.status).toBe(503);
        expect(r.body.title).toBe('Schema registry unavailable');
        expect(r.body.detail).toMatch(/did not answer within 800 ms|unreachable \(ECONNREFUSED\)/);
        expect(JSON.stringify(r.body)).not.toContain('127.0.0.1');
      }
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => hung.close(r));
      setRegistryClientDefaults({});
      configureRegistry(h, h.registry.url, EDIT);
    }
  });
});
