// The ACL routes against the embedded broker with its authorizer on and SASL/PLAIN users: the console
// connects as the super user admin; bindings created through POST are seen by kafkajs' describeAcls
// and enforced for alice (a produce she may not make fails with TOPIC_AUTHORIZATION_FAILED in kafkajs
// and in kcat), filters select as Kafka's do, DELETE removes exactly what it names. Bad input is 400,
// a cluster without ACL_EDIT_ENABLED refuses changes with 403, and a broker with no authorizer is
// reported as "not enabled" rather than as an empty list.
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Kafka, ResourcePatternTypes, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE, GET, POST } from '../../app/api/clusters/[cluster]/acls/route';
import { AclCreateResponseSchema, AclDeleteResponseSchema, AclListSchema, type AclBinding } from '../../lib/schemas/acl';
import { KCAT, requireKcat, run } from '../broker/helpers';
import { call, createTopic, startHarness, uniqueName, type Harness } from './harness';

const USERS = 'admin:admin-secret,alice:alice-secret';
const CONSOLE_AS_ADMIN = {
  KAFKA_CLUSTERS_0_PROPERTIES_SECURITY_PROTOCOL: 'SASL_PLAINTEXT',
  KAFKA_CLUSTERS_0_PROPERTIES_SASL_MECHANISM: 'PLAIN',
  KAFKA_CLUSTERS_0_PROPERTIES_SASL_JAAS_CONFIG: 'org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="admin-secret";',
};
const kcatAlice = ['-X', 'security.protocol=SASL_PLAINTEXT', '-X', 'sasl.mechanisms=PLAIN', '-X', 'sasl.username=alice', '-X', 'sasl.password=alice-secret'];

const writeOn = (topic: string): AclBinding[] => [
  { resourceType: 'TOPIC', resourceName: topic, patternType: 'LITERAL', principal: 'User:alice', host: '*', operation: 'WRITE', permission: 'ALLOW' },
  { resourceType: 'TOPIC', resourceName: topic, patternType: 'LITERAL', principal: 'User:alice', host: '*', operation: 'DESCRIBE', permission: 'ALLOW' },
];

async function aliceProduces(h: Harness, topic: string): Promise<string | null> {
  const alice = new Kafka({
    clientId: 'alice',
    brokers: h.broker.bootstrap.split(','),
    sasl: { mechanism: 'plain', username: 'alice', password: 'alice-secret' },
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
  });
  const producer = alice.producer({ retry: { retries: 0 }, allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic, messages: [{ value: 'from alice' }] });
    return null;
  } catch (e) {
    const err = e as { type?: string; cause?: { type?: string }; errors?: { type?: string }[] };
    return err.type ?? err.cause?.type ?? err.errors?.[0]?.type ?? 'UNKNOWN';
  } finally {
    await producer.disconnect();
  }
}

async function kcatAliceProduces(h: Harness, topic: string) {
  const r = await run(KCAT, ['-b', h.broker.bootstrap, ...kcatAlice, '-P', '-t', topic], 'from-kcat\n', 20_000);
  return { ok: r.code === 0, output: `${r.stdout}\n${r.stderr}` };
}

describe('with an authorizer: the console as a super user', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      broker: { authorizer: true, superUsers: ['User:admin'], settings: { saslUsers: USERS } },
      sasl: { mechanism: 'plain', username: 'admin', password: 'admin-secret' },
      env: { ...CONSOLE_AS_ADMIN, ACL_EDIT_ENABLED: 'true' },
    });
  });
  afterAll(() => h?.close());

  it('creates bindings that kafkajs sees and the broker enforces (kafkajs and kcat), then deletes them', async () => {
    const allowed = uniqueName('acl-allowed');
    const denied = uniqueName('acl-denied');
    await createTopic(h, allowed);
    await createTopic(h, denied);

    const created = await call(POST, '/api/clusters/test/acls', {}, { method: 'POST', body: { bindings: writeOn(allowed) } });
    expect(created.status).toBe(201);
    expect(AclCreateResponseSchema.parse(created.body).created).toHaveLength(2);

    // An independent client reads them back.
    const admin = h.kafka.admin();
    await admin.connect();
    try {
      const seen = await admin.describeAcls({
        resourceType: AclResourceTypes.TOPIC,
        resourceName: allowed,
        resourcePatternType: ResourcePatternTypes.LITERAL,
        operation: AclOperationTypes.ANY,
        permissionType: AclPermissionTypes.ANY,
      });
      const ops = seen.resources.flatMap((r) => r.acls.map((a) => `${a.principal}:${a.operation}:${a.permissionType}`)).sort();
      expect(ops).toEqual([`User:alice:${AclOperationTypes.WRITE}:${AclPermissionTypes.ALLOW}`, `User:alice:${AclOperationTypes.DESCRIBE}:${AclPermissionTypes.ALLOW}`].sort());
    } finally {
      await admin.disconnect();
    }

    // Enforced: alice writes where allowed, is refused elsewhere — by kafkajs and by kcat.
    expect(await aliceProduces(h, allowed)).toBeNull();
    expect(await aliceProduces(h, denied)).toBe('TOPIC_AUTHORIZATION_FAILED');
    requireKcat();
    expect((await kcatAliceProduces(h, allowed)).ok).toBe(true);
    const refused = await kcatAliceProduces(h, denied);
    expect(refused.ok).toBe(false);
    expect(refused.output).toMatch(/Topic authorization failed/i);

    // The list shows them, and a filter selects as Kafka's does.
    const listed = AclListSchema.parse((await call(GET, `/api/clusters/test/acls?resourceType=TOPIC&resourceName=${allowed}`)).body);
    expect(listed.enabled).toBe(true);
    expect(listed.items).toEqual(expect.arrayContaining(writeOn(allowed)));
    expect(listed.items).toHaveLength(2);
    const writesOnly = AclListSchema.parse((await call(GET, `/api/clusters/test/acls?principal=User:alice&operation=WRITE`)).body);
    expect(writesOnly.items.every((b) => b.operation === 'WRITE' && b.principal === 'User:alice')).toBe(true);
    expect(writesOnly.items.some((b) => b.resourceName === allowed)).toBe(true);
    const nobody = AclListSchema.parse((await call(GET, `/api/clusters/test/acls?principal=User:nobody`)).body);
    expect(nobody).toEqual({ enabled: true, message: null, items: [] });

    // DELETE removes exactly the one named: the DESCRIBE binding stays.
    const gone = await call(DELETE, '/api/clusters/test/acls', {}, { method: 'DELETE', body: { bindings: [writeOn(allowed)[0]] } });
    expect(gone.status).toBe(200);
    expect(AclDeleteResponseSchema.parse(gone.body).deleted).toEqual([writeOn(allowed)[0]]);
    const after = AclListSchema.parse((await call(GET, `/api/clusters/test/acls?resourceName=${allowed}`)).body);
    expect(after.items).toEqual([writeOn(allowed)[1]]);
    expect(await aliceProduces(h, allowed)).toBe('TOPIC_AUTHORIZATION_FAILED');
  });

  it('a PREFIXED binding and MATCH: the filter lists what applies to a name', async () => {
    const prefix = uniqueName('pfx');
    const binding: AclBinding = { resourceType: 'TOPIC', resourceName: prefix, patternType: 'PREFIXED', principal: 'User:alice', host: '*', operation: 'READ', permission: 'ALLOW' };
    expect((await call(POST, '/api/clusters/test/acls', {}, { method: 'POST', body: { bindings: [binding] } })).status).toBe(201);
    const match = AclListSchema.parse((await call(GET, `/api/clusters/test/acls?resourceType=TOPIC&patternType=MATCH&resourceName=${prefix}-orders`)).body);
    expect(match.items).toContainEqual(binding);
    const literal = AclListSchema.parse((await call(GET, `/api/clusters/test/acls?patternType=LITERAL&resourceName=${prefix}-orders`)).body);
    expect(literal.items).toEqual([]);
  });

  it.each([
    ['no bindings', { bindings: [] }, 'bindings'],
    ['an unknown operation', { bindings: [{ ...writeOn('t')[0], operation: 'FLY' }] }, 'bindings.0.operation'],
    ['a principal without a type', { bindings: [{ ...writeOn('t')[0], principal: 'alice' }] }, 'bindings.0.principal'],
    ['an empty resource name', { bindings: [{ ...writeOn('t')[0], resourceName: '' }] }, 'bindings.0.resourceName'],
    ['a name longer than Kafka carries', { bindings: [{ ...writeOn('t')[0], resourceName: 'x'.repeat(40_000) }] }, 'bindings.0.resourceName'],
  ])('POST and DELETE refuse %s with 400 naming the field', async (_, body, field) => {
    for (const [handler, method] of [[POST, 'POST'], [DELETE, 'DELETE']] as const) {
      const res = await call(handler, '/api/clusters/test/acls', {}, { method, body });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.field).toBe(field);
    }
  });

  it('GET refuses a bad filter with 400; malformed JSON is 400', async () => {
    const bad = await call(GET, '/api/clusters/test/acls?resourceType=TABLE');
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('resourceType');
    const junk = await call(POST, '/api/clusters/test/acls', {}, { method: 'POST', body: '{nope' });
    expect(junk.status).toBe(400);
  });

  it('Kafka refusing a binding is a 400 with its reason (a CLUSTER binding must name kafka-cluster)', async () => {
    const res = await call(POST, '/api/clusters/test/acls', {}, {
      method: 'POST',
      body: { bindings: [{ resourceType: 'CLUSTER', resourceName: 'elsewhere', patternType: 'LITERAL', principal: 'User:alice', host: '*', operation: 'DESCRIBE', permission: 'ALLOW' }] },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.detail).toBeTruthy();
  });
});

describe('the switch and a cluster without an authorizer', () => {
  let h: Harness;
  beforeAll(async () => {
    // An external cluster with no ACL_EDIT_ENABLED: the default is off.
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it('lists nothing but says ACLs are not enabled (SECURITY_DISABLED), instead of an empty table', async () => {
    const res = await call(GET, '/api/clusters/test/acls');
    expect(res.status).toBe(200);
    const list = AclListSchema.parse(res.body);
    expect(list.enabled).toBe(false);
    expect(list.message).toMatch(/authorizer/i);
  });

  it('refuses changes with 403 naming ACL_EDIT_ENABLED, even valid ones', async () => {
    for (const [handler, method] of [[POST, 'POST'], [DELETE, 'DELETE']] as const) {
      const res = await call(handler, '/api/clusters/test/acls', {}, { method, body: { bindings: writeOn('t') } });
      expect(res.status).toBe(403);
      expect(res.body.detail).toContain('ACL_EDIT_ENABLED');
    }
  });
});

describe('switch on, but no authorizer on the broker', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { ACL_EDIT_ENABLED: 'true' } });
  });
  afterAll(() => h?.close());

  it('a change answers 409 saying ACLs are not enabled', async () => {
    const res = await call(POST, '/api/clusters/test/acls', {}, { method: 'POST', body: { bindings: writeOn('t') } });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/ACLs are not enabled/);
    expect(res.body.kafkaError).toBe('SECURITY_DISABLED');
  });
});

describe('the OpenAPI document', () => {
  it("describes the operator's routes with their schemas", async () => {
    const { GET: openapi } = await import('../../app/api/openapi.json/route');
    const d = (await call(openapi, '/api/openapi.json')).body;
    const c = '/api/clusters/{cluster}';
    expect(Object.keys(d.paths[`${c}/acls`]).sort()).toEqual(['delete', 'get', 'post']);
    expect(d.paths[`${c}/acls`].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['principal', 'host', 'resourceType', 'patternType', 'resourceName', 'operation', 'permission']),
    );
    expect(Object.keys(d.paths[`${c}/brokers/{id}/configs`]).sort()).toEqual(['get', 'put']);
    expect(d.paths[`${c}/log-dirs`].get).toBeDefined();
    expect(d.paths[`${c}/groups/{group}/offsets/delete`].post).toBeDefined();
    for (const name of ['AclList', 'AclBindingsRequest', 'LogDirs', 'UpdateBrokerConfigsRequest', 'DeleteGroupOffsetsRequest']) expect(d.components.schemas[name]).toBeDefined();
    expect(d.components.schemas.TopicList.properties.items.items.properties.sizeBytes).toBeDefined();
  });
});
