// The registry's life over time, over plain HTTP: an incompatible Avro change is first reported by
// the compatibility endpoint and then refused with 409; a restart rebuilds everything from the
// `_schemas` topic (ids, versions, levels, deletions) and hands out fresh ids after the highest;
// subjects and versions are soft-deleted, then hard-deleted, in that order only, and an id whose
// schema was hard-deleted is not handed out again, even after a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBroker } from '../../lib/broker';
import type { RunningSchemaRegistry } from '../../lib/schema-registry';
import { call, startTestBroker, startTestRegistry, uniqueSubject } from './harness';

const v1 = { type: 'record', name: 'Order', namespace: 'shop', fields: [{ name: 'id', type: 'long' }] };
const withDefault = { ...v1, fields: [...v1.fields, { name: 'note', type: 'string', default: '' }] };
const withoutDefault = { ...v1, fields: [...v1.fields, { name: 'qty', type: 'int' }] };
const avro = (schema: object) => ({ schema: JSON.stringify(schema) });

let dataDir: string;
let broker: RunningBroker;
let registry: RunningSchemaRegistry;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kafscope-sr-'));
  broker = await startTestBroker(dataDir);
  registry = await startTestRegistry(broker);
});

afterAll(async () => {
  await registry?.close();
  await broker?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('compatibility (BACKWARD by default)', () => {
  it('says is_compatible: false first, then refuses the registration with 409', async () => {
    const subject = uniqueSubject('orders');
    const first = await call(registry.url, 'POST', `/subjects/${subject}/versions`, avro(v1));
    expect(first.status).toBe(200);
    expect(first.contentType).toBe('application/vnd.schemaregistry.v1+json');

    const check = await call(registry.url, 'POST', `/compatibility/subjects/${subject}/versions/latest?verbose=true`, avro(withoutDefault));
    expect(check.status).toBe(200);
    expect(check.body.is_compatible).toBe(false);
    expect(check.body.messages.join()).toMatch(/qty/);
    expect((await call(registry.url, 'POST', `/compatibility/subjects/${subject}/versions/latest`, avro(withoutDefault))).body).toEqual({ is_compatible: false });

    const refused = await call(registry.url, 'POST', `/subjects/${subject}/versions`, avro(withoutDefault));
    expect(refused.status).toBe(409);
    expect(refused.body.error_code).toBe(409);
    expect(refused.body.message).toMatch(/incompatible/);

    // Adding the field with a default is a compatible change: version 2.
    expect((await call(registry.url, 'POST', `/compatibility/subjects/${subject}/versions/1`, avro(withDefault))).body).toEqual({ is_compatible: true });
    const second = await call(registry.url, 'POST', `/subjects/${subject}/versions`, avro(withDefault));
    expect(second.status).toBe(200);
    expect(second.body.id).toBeGreaterThan(first.body.id);
    expect((await call(registry.url, 'GET', `/subjects/${subject}/versions`)).body).toEqual([1, 2]);
  });

  it('follows the subject level: NONE accepts anything, FORWARD checks the other way', async () => {
    const subject = uniqueSubject('levels');
    await call(registry.url, 'POST', `/subjects/${subject}/versions`, avro(v1));
    expect((await call(registry.url, 'PUT', `/config/${subject}`, { compatibility: 'FORWARD' })).body).toEqual({ compatibility: 'FORWARD' });
    // A new field without a default: old readers ignore it, so FORWARD accepts it.
    expect((await call(registry.url, 'POST', `/subjects/${subject}/versions`, avro(withoutDefault))).status).toBe(200);
    // Removing a field old readers need (no default there) is not FORWARD compatible.
    const dropped = { ...v1, fields: [{ name: 'other', type: 'string', default: 'x' }] };
    expect((await call(registry.url, 'POST', `/subjects/${subject}/versions`, avro(dropped))).status).toBe(409);
    await call(registry.url, 'PUT', `/config/${subject}`, { compatibility: 'none' });
    expect((await call(registry.url, 'GET', `/config/${subject}`)).body).toEqual({ compatibilityLevel: 'NONE' });
    expect((await call(registry.url, 'POST', `/subjects/${subject}/versions`, avro(dropped))).status).toBe(200);
    expect((await call(registry.url, 'PUT', `/config/${subject}`, { compatibility: 'SIDEWAYS' })).body.error_code).toBe(42203);
  });
});

describe('restart', () => {
  it('keeps every id, version, level and deletion, and continues ids after the highest', async () => {
    const subject = uniqueSubject('kept');
    // Schemas no other test registered, so both ids are new and b is the highest so far.
    const first = { ...v1, namespace: 'kept' };
    const a = (await call(registry.url, 'POST', `/subjects/${subject}/versions`, avro(first))).body.id as number;
    const b = (await call(registry.url, 'POST', `/subjects/${subject}/versions`, avro({ ...withDefault, namespace: 'kept' }))).body.id as number;
    expect(b).toBe(a + 1);
    await call(registry.url, 'PUT', `/config/${subject}`, { compatibility: 'FULL' });
    await call(registry.url, 'DELETE', `/subjects/${subject}/versions/1`);
    const before = {
      subjects: (await call(registry.url, 'GET', '/subjects')).body,
      latest: (await call(registry.url, 'GET', `/subjects/${subject}/versions/latest`)).body,
      deleted: (await call(registry.url, 'GET', `/subjects/${subject}/versions?deleted=true`)).body,
    };

    await registry.close();
    registry = await startTestRegistry(broker);

    expect((await call(registry.url, 'GET', '/subjects')).body).toEqual(before.subjects);
    expect((await call(registry.url, 'GET', `/subjects/${subject}/versions/latest`)).body).toEqual(before.latest);
    expect((await call(registry.url, 'GET', `/subjects/${subject}/versions`)).body).toEqual([2]);
    expect((await call(registry.url, 'GET', `/subjects/${subject}/versions?deleted=true`)).body).toEqual(before.deleted);
    expect((await call(registry.url, 'GET', `/schemas/ids/${a}`)).body).toEqual({ schema: JSON.stringify(first) });
    expect((await call(registry.url, 'GET', `/config/${subject}`)).body).toEqual({ compatibilityLevel: 'FULL' });
    const fresh = await call(registry.url, 'POST', `/subjects/${uniqueSubject('after-restart')}/versions`, avro({ type: 'fixed', name: 'F', size: 3 }));
    expect(fresh.body.id).toBe(b + 1);
  });
});

describe('deletion', () => {
  it('soft-deletes a subject, then hard-deletes it; never the other way round', async () => {
    const subject = uniqueSubject('doomed');
    const id = (await call(registry.url, 'POST', `/subjects/${subject}/versions`, avro({ type: 'enum', name: 'Doomed', symbols: ['A'] }))).body.id as number;
    await call(registry.url, 'POST', `/subjects/${subject}/versions`, avro({ type: 'enum', name: 'Doomed', symbols: ['A', 'B'] }));

    const notFirst = await call(registry.url, 'DELETE', `/subjects/${subject}?permanent=true`);
    expect([notFirst.status, notFirst.body.error_code]).toEqual([404, 40405]);

    const soft = await call(registry.url, 'DELETE', `/subjects/${subject}`);
    expect(soft.body).toEqual([1, 2]);
    expect((await call(registry.url, 'GET', '/subjects')).body).not.toContain(subject);
    expect((await call(registry.url, 'GET', '/subjects?deleted=true')).body).toContain(subject);
    expect((await call(registry.url, 'GET', `/subjects/${subject}/versions`)).body.error_code).toBe(40401);
    expect((await call(registry.url, 'GET', `/subjects/${subject}/versions/1?deleted=true`)).body.id).toBe(id);
    // A soft-deleted schema is still readable by id: consumers of old records keep decoding them.
    expect((await call(registry.url, 'GET', `/schemas/ids/${id}`)).status).toBe(200);
    expect((await call(registry.url, 'DELETE', `/subjects/${subject}`)).body.error_code).toBe(40404);

    const hard = await call(registry.url, 'DELETE', `/subjects/${subject}?permanent=true`);
    expect(hard.body).toEqual([1, 2]);
    expect((await call(registry.url, 'GET', '/subjects?deleted=true')).body).not.toContain(subject);
    const gone = await call(registry.url, 'GET', `/schemas/ids/${id}`);
    expect([gone.status, gone.body.error_code]).toEqual([404, 40403]);
  });

  it('soft- then hard-deletes one version; a hard-deleted id is never handed out again, across restarts', async () => {
    const subject = uniqueSubject('versions');
    await call(registry.url, 'POST', `/subjects/${subject}/versions`, avro(v1));
    const top = (await call(registry.url, 'POST', `/subjects/${subject}/versions`, avro(withDefault))).body.id as number;
    const notFirst = await call(registry.url, 'DELETE', `/subjects/${subject}/versions/2?permanent=true`);
    expect([notFirst.status, notFirst.body.error_code]).toEqual([404, 40407]);
    expect((await call(registry.url, 'DELETE', `/subjects/${subject}/versions/2`)).body).toBe(2);
    expect((await call(registry.url, 'DELETE', `/subjects/${subject}/versions/2`)).body.error_code).toBe(40406);
    expect((await call(registry.url, 'GET', `/subjects/${subject}/versions/latest`)).body.version).toBe(1);
    expect((await call(registry.url, 'DELETE', `/subjects/${subject}/versions/2?permanent=true`)).body).toBe(2);
    expect((await call(registry.url, 'GET', `/subjects/${subject}/versions/2?deleted=true`)).body.error_code).toBe(40402);

    await registry.close();
    registry = await startTestRegistry(broker);
    const next = await call(registry.url, 'POST', `/subjects/${uniqueSubject('next')}/versions`, avro({ type: 'fixed', name: 'G', size: 4 }));
    expect(next.body.id).toBeGreaterThan(top);
  });
});
