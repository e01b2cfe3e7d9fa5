// ACLs end to end, seen by independent clients. Without an authorizer the ACL APIs answer
// SECURITY_DISABLED (kafkajs). With one (`authorizer: true`, `superUsers: ['User:admin']`) the super
// user creates, lists and deletes ACLs with kafkajs, and the broker enforces them for the SASL/PLAIN
// user alice: a produce she may not make fails with TOPIC_AUTHORIZATION_FAILED in kafkajs and "Topic
// authorization failed" in kcat, an ALLOW lets it through, a DENY wins over it; reads, topic
// listings, groups and configs are checked too; and the ACLs survive a restart. kafka-python speaks
// only the old raw-token SASL handshake, which the broker does not serve, so it manages ACLs on a
// broker without SASL, where every connection is User:ANONYMOUS (made a super user there).
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ConfigResourceTypes, ResourcePatternTypes, type Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KCAT, PYTHON, groupLessCluster, kafkaFor, requireKafkaPython, requireKcat, run, runOk, startTestBroker, tempDir, type TestBroker } from '../broker/helpers';

const USERS = 'admin:admin-secret,alice:alice-secret';
const sasl = (username: string) => ({ mechanism: 'plain' as const, username, password: `${username}-secret` });
const kcatAuth = (user: string) => ['-X', 'security.protocol=SASL_PLAINTEXT', '-X', 'sasl.mechanisms=PLAIN', '-X', `sasl.username=${user}`, '-X', `sasl.password=${user}-secret`];

const ANY_FILTER = {
  resourceType: AclResourceTypes.ANY,
  resourcePatternType: ResourcePatternTypes.ANY,
  operation: AclOperationTypes.ANY,
  permissionType: AclPermissionTypes.ANY,
};

interface KafkaJsError extends Error {
  type?: string;
  cause?: KafkaJsError;
  errors?: KafkaJsError[];
}

/** The Kafka error name kafkajs reports, wherever it put it (the error, its cause, or an aggregate's first). */
async function errorOf(p: Promise<unknown>): Promise<{ type?: string; message: string } | null> {
  return p.then(
    () => null,
    (e: KafkaJsError) => ({ type: e.type ?? e.cause?.type ?? e.errors?.[0]?.type, message: e.message }),
  );
}

describe('without an authorizer', () => {
  let broker: TestBroker;
  beforeAll(async () => {
    broker = await startTestBroker();
  });
  afterAll(async () => {
    await broker?.close();
  });

  it('answers the ACL APIs with SECURITY_DISABLED, as Kafka without authorizer.class.name', async () => {
    const admin = kafkaFor(broker, { retry: { retries: 0 } }).admin();
    await admin.connect();
    try {
      expect((await errorOf(admin.describeAcls(ANY_FILTER)))?.type).toBe('SECURITY_DISABLED');
      const acl = { resourceType: AclResourceTypes.TOPIC, resourceName: 't', resourcePatternType: ResourcePatternTypes.LITERAL, principal: 'User:x', host: '*', operation: AclOperationTypes.READ, permissionType: AclPermissionTypes.ALLOW };
      expect((await errorOf(admin.createAcls({ acl: [acl] })))?.type).toBe('SECURITY_DISABLED');
      expect((await errorOf(admin.deleteAcls({ filters: [ANY_FILTER] })))?.type).toBe('SECURITY_DISABLED');
      // Nothing is enforced: an unauthenticated client still does everything.
      await admin.createTopics({ topics: [{ topic: 'open-topic' }] });
      expect(await admin.listTopics()).toContain('open-topic');
    } finally {
      await admin.disconnect();
    }
  });
});

describe('with an authorizer and SASL users', () => {
  const data = tempDir('acl');
  let broker: TestBroker;
  let adminKafka: Kafka;
  let aliceKafka: Kafka;

  const start = async () => {
    broker = await startTestBroker({ dataDir: data.dir, authorizer: true, superUsers: ['User:admin'], settings: { saslUsers: USERS, initialRebalanceDelayMs: 50, offsetsTopicPartitions: 3 } });
    adminKafka = kafkaFor(broker, { sasl: sasl('admin') });
    aliceKafka = kafkaFor(broker, { sasl: sasl('alice'), retry: { retries: 0 } });
  };
  const asAdmin = async <T>(fn: (admin: ReturnType<Kafka['admin']>) => Promise<T>): Promise<T> => {
    const admin = adminKafka.admin();
    await admin.connect();
    try {
      return await fn(admin);
    } finally {
      await admin.disconnect();
    }
  };
  const aliceSends = async (topic: string) => {
    const producer = aliceKafka.producer({ retry: { retries: 0 } });
    await producer.connect();
    try {
      return await errorOf(producer.send({ topic, messages: [{ value: 'from alice' }] }));
    } finally {
      await producer.disconnect();
    }
  };
  const topicAcl = (resourceName: string, operation: AclOperationTypes, permissionType = AclPermissionTypes.ALLOW, resourcePatternType = ResourcePatternTypes.LITERAL) => ({
    resourceType: AclResourceTypes.TOPIC,
    resourceName,
    resourcePatternType,
    principal: 'User:alice',
    host: '*',
    operation,
    permissionType,
  });

  beforeAll(async () => {
    await start();
    await asAdmin((a) => a.createTopics({ topics: [{ topic: 'secret' }, { topic: 'hidden' }] }));
  });
  afterAll(async () => {
    await broker?.close();
    data.remove();
  });

  it('a super user manages topics and sees the cluster; alice, with no ACLs, sees no topics', async () => {
    expect(await asAdmin((a) => a.listTopics())).toEqual(expect.arrayContaining(['secret', 'hidden']));
    const alice = aliceKafka.admin();
    await alice.connect();
    try {
      expect(await alice.listTopics()).toEqual([]);
      expect((await errorOf(alice.describeAcls(ANY_FILTER)))?.type).toBe('CLUSTER_AUTHORIZATION_FAILED');
      expect((await errorOf(alice.createTopics({ topics: [{ topic: 'alices' }] })))?.type).toBe('TOPIC_AUTHORIZATION_FAILED');
    } finally {
      await alice.disconnect();
    }
  });

  it('a produce alice may not make fails with TOPIC_AUTHORIZATION_FAILED in kafkajs', async () => {
    // No ACL at all: the Metadata request already refuses the topic.
    expect((await aliceSends('secret'))?.type).toBe('TOPIC_AUTHORIZATION_FAILED');
    // DESCRIBE but no WRITE: Metadata answers, the Produce itself is refused per partition.
    await asAdmin((a) => a.createAcls({ acl: [topicAcl('secret', AclOperationTypes.DESCRIBE)] }));
    expect((await aliceSends('secret'))?.type).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(broker.logs.some((l) => l.includes('authorizer: DENIED User:alice') && l.includes('WRITE on TOPIC:secret'))).toBe(true);
  });

  it('kcat producing as alice fails with a topic authorization error', async () => {
    requireKcat();
    const r = await run(KCAT, ['-b', broker.bootstrap, ...kcatAuth('alice'), '-P', '-t', 'secret'], 'from-kcat\n', 20_000);
    expect(`${r.stdout}\n${r.stderr}`).toMatch(/Topic authorization failed/i);
    expect(r.code).not.toBe(0);
  });

  it('a PREFIXED ALLOW lets alice write (kafkajs and kcat); a LITERAL DENY wins over it', async () => {
    requireKcat();
    await asAdmin((a) => a.createAcls({ acl: [topicAcl('sec', AclOperationTypes.WRITE, AclPermissionTypes.ALLOW, ResourcePatternTypes.PREFIXED)] }));
    expect(await aliceSends('secret')).toBeNull();
    await runOk(KCAT, ['-b', broker.bootstrap, ...kcatAuth('alice'), '-P', '-t', 'secret'], 'from-kcat\n');

    await asAdmin((a) => a.createAcls({ acl: [topicAcl('secret', AclOperationTypes.WRITE, AclPermissionTypes.DENY)] }));
    expect((await aliceSends('secret'))?.type).toBe('TOPIC_AUTHORIZATION_FAILED');
  });

  it('kafkajs describeAcls lists the ACLs by resource pattern, with filters', async () => {
    const all = await asAdmin((a) => a.describeAcls(ANY_FILTER));
    const flat = all.resources.flatMap((r) => r.acls.map((acl) => ({ name: r.resourceName, pattern: r.resourcePatternType, op: acl.operation, perm: acl.permissionType })));
    expect(flat).toEqual(
      expect.arrayContaining([
        { name: 'secret', pattern: ResourcePatternTypes.LITERAL, op: AclOperationTypes.DESCRIBE, perm: AclPermissionTypes.ALLOW },
        { name: 'sec', pattern: ResourcePatternTypes.PREFIXED, op: AclOperationTypes.WRITE, perm: AclPermissionTypes.ALLOW },
        { name: 'secret', pattern: ResourcePatternTypes.LITERAL, op: AclOperationTypes.WRITE, perm: AclPermissionTypes.DENY },
      ]),
    );
    expect(flat).toHaveLength(3);
    // MATCH: everything that applies to the topic "secret" (its literal ACLs and the "sec" prefix).
    const match = await asAdmin((a) => a.describeAcls({ ...ANY_FILTER, resourceType: AclResourceTypes.TOPIC, resourceName: 'secret', resourcePatternType: ResourcePatternTypes.MATCH }));
    expect(match.resources.map((r) => `${r.resourceName}/${r.resourcePatternType}`).sort()).toEqual([`sec/${ResourcePatternTypes.PREFIXED}`, `secret/${ResourcePatternTypes.LITERAL}`]);
    const denies = await asAdmin((a) => a.describeAcls({ ...ANY_FILTER, permissionType: AclPermissionTypes.DENY }));
    expect(denies.resources.flatMap((r) => r.acls)).toHaveLength(1);
  });

  it('reads, groups and configs are enforced too', async () => {
    requireKcat();
    // No READ on "secret": kcat's consumer gets the topic authorization error.
    const read = await run(KCAT, ['-b', broker.bootstrap, ...kcatAuth('alice'), '-C', '-t', 'secret', '-o', 'beginning', '-e'], undefined, 20_000);
    expect(`${read.stdout}\n${read.stderr}`).toMatch(/Topic authorization failed/i);
    const alice = aliceKafka.admin();
    await alice.connect();
    try {
      // kafkajs's admin hides FindCoordinator's error behind "No brokers in the broker pool"; its
      // Broker object reports it as it came.
      const cluster = groupLessCluster(aliceKafka);
      await cluster.connect();
      await cluster.refreshMetadata();
      // (kafkajs's typings leave findGroupCoordinator off Broker, which has it.)
      const node = (await cluster.findBroker({ nodeId: '0' })) as unknown as { findGroupCoordinator(req: { groupId: string }): Promise<unknown> };
      expect((await errorOf(node.findGroupCoordinator({ groupId: 'alices-group' })))?.type).toBe('GROUP_AUTHORIZATION_FAILED');
      await cluster.disconnect();
      const configs = await errorOf(alice.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: 'secret' }] }));
      expect(configs?.type).toBe('TOPIC_AUTHORIZATION_FAILED');
    } finally {
      await alice.disconnect();
    }
    // With READ on the topic and the group, alice reads what was written.
    await asAdmin((a) =>
      a.createAcls({
        acl: [
          topicAcl('secret', AclOperationTypes.READ),
          { resourceType: AclResourceTypes.GROUP, resourceName: 'alices-', resourcePatternType: ResourcePatternTypes.PREFIXED, principal: 'User:alice', host: '*', operation: AclOperationTypes.READ, permissionType: AclPermissionTypes.ALLOW },
        ],
      }),
    );
    const out = await runOk(KCAT, ['-b', broker.bootstrap, ...kcatAuth('alice'), '-C', '-t', 'secret', '-o', 'beginning', '-e', '-q']);
    expect(out.trim().split('\n')).toEqual(['from alice', 'from-kcat']);
    const consumer = aliceKafka.consumer({ groupId: 'alices-group' });
    await consumer.connect();
    await consumer.subscribe({ topics: ['secret'], fromBeginning: true });
    const seen: string[] = [];
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(message.value!.toString()) });
    const deadline = Date.now() + 15_000;
    while (seen.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await consumer.disconnect();
    expect(seen).toEqual(['from alice', 'from-kcat']);
  });

  it('kafkajs deleteAcls removes what its filters select and reports it; the rest survive a restart', async () => {
    const removed = await asAdmin((a) => a.deleteAcls({ filters: [{ ...ANY_FILTER, resourceType: AclResourceTypes.TOPIC, permissionType: AclPermissionTypes.DENY }] }));
    expect(removed.filterResponses[0]!.errorCode).toBe(0);
    expect(removed.filterResponses[0]!.matchingAcls).toEqual([
      expect.objectContaining({ resourceName: 'secret', operation: AclOperationTypes.WRITE, permissionType: AclPermissionTypes.DENY, principal: 'User:alice' }),
    ]);
    expect(await aliceSends('secret')).toBeNull();

    await broker.close();
    await start();
    const after = await asAdmin((a) => a.describeAcls(ANY_FILTER));
    expect(after.resources.flatMap((r) => r.acls)).toHaveLength(4);
    expect(await aliceSends('secret')).toBeNull();
    expect((await aliceSends('hidden'))?.type).toBe('TOPIC_AUTHORIZATION_FAILED');
  });
});

describe('with an authorizer and no SASL', () => {
  it('every connection is User:ANONYMOUS, which only super users may be', async () => {
    const locked = await startTestBroker({ authorizer: true });
    const open = await startTestBroker({ authorizer: true, superUsers: ['User:ANONYMOUS'] });
    try {
      const admin = kafkaFor(locked, { retry: { retries: 0 } }).admin();
      await admin.connect();
      expect((await errorOf(admin.createTopics({ topics: [{ topic: 'nope' }] })))?.type).toBe('TOPIC_AUTHORIZATION_FAILED');
      expect(await admin.listTopics()).toEqual([]);
      expect((await errorOf(admin.describeAcls(ANY_FILTER)))?.type).toBe('CLUSTER_AUTHORIZATION_FAILED');
      await admin.disconnect();
      const root = kafkaFor(open).admin();
      await root.connect();
      await root.createTopics({ topics: [{ topic: 'yes' }] });
      expect((await root.describeAcls(ANY_FILTER)).resources).toEqual([]);
      await root.disconnect();
    } finally {
      await locked.close();
      await open.close();
    }
  });

  it('kafka-python creates, lists and deletes ACLs (as User:ANONYMOUS made a super user)', async () => {
    requireKafkaPython();
    const script = `
import json, sys
from kafka.admin import KafkaAdminClient, ACL, ACLFilter, ResourcePattern, ResourcePatternFilter, ResourceType, ACLOperation, ACLPermissionType, ACLResourcePatternType
admin = KafkaAdminClient(bootstrap_servers=sys.argv[1], request_timeout_ms=10000)
acl = ACL(principal='User:bob', host='*', operation=ACLOperation.READ, permission_type=ACLPermissionType.ALLOW,
          resource_pattern=ResourcePattern(ResourceType.GROUP, 'bobs', ACLResourcePatternType.PREFIXED))
created = admin.create_acls([acl])
flt = ACLFilter(principal='User:bob', host=None, operation=ACLOperation.ANY, permission_type=ACLPermissionType.ANY,
                resource_pattern=ResourcePatternFilter(ResourceType.ANY, None, ACLResourcePatternType.ANY))
listed, err = admin.describe_acls(flt)
deleted = admin.delete_acls([flt])
after, _ = admin.describe_acls(flt)
print(json.dumps({
  'created': len(created['succeeded']), 'failed': len(created['failed']),
  'listed': [[a.principal, a.resource_pattern.resource_name, int(a.resource_pattern.pattern_type), int(a.operation)] for a in listed],
  'deleted': sum(len(matches) for (_f, matches, _e) in deleted), 'after': len(after)}))
admin.close()
`;
    const broker = await startTestBroker({ authorizer: true, superUsers: ['User:ANONYMOUS'] });
    try {
      const out = JSON.parse(await runOk(PYTHON, ['-c', script, broker.bootstrap]));
      expect(out).toEqual({ created: 1, failed: 0, listed: [['User:bob', 'bobs', 4, 3]], deleted: 1, after: 0 });
    } finally {
      await broker.close();
    }
  });
});
