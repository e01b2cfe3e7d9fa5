// What a user may see: lists, searches, counts and group pages never reveal a topic (or group) the
// user may not view; masked fields are masked in browse and search (and cannot be found by search),
// while a role named in the rule sees them in clear; a change of retention that deletes records
// needs records:delete. Against a real broker, through the route handlers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as brokerRoute } from '../../app/api/clusters/[cluster]/brokers/[id]/route';
import { GET as groupRoute } from '../../app/api/clusters/[cluster]/groups/[group]/route';
import { GET as groupsRoute } from '../../app/api/clusters/[cluster]/groups/route';
import { GET as overviewRoute } from '../../app/api/clusters/[cluster]/overview/route';
import { PUT as configsRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/configs/route';
import { GET as messagesRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/messages/route';
import { GET as topicRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/route';
import { GET as searchRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/search/route';
import { GET as topicsRoute } from '../../app/api/clusters/[cluster]/topics/route';
import { GET as meRoute } from '../../app/api/me/route';
import { retentionEffects } from '../../lib/schemas/retention-effects';
import { ClusterOverviewSchema, BrokerDetailSchema } from '../../lib/schemas/broker';
import { GroupDetailSchema, GroupListSchema } from '../../lib/schemas/group';
import { MessagePageSchema, SearchEventSchema, type Message } from '../../lib/schemas/message';
import { MeSchema } from '../../lib/schemas/permissions';
import { TopicDetailSchema, TopicListSchema } from '../../lib/schemas/topic';
import { call, commitOffsets, createTopic, type Harness } from '../api/harness';
import { as, startAuthHarness } from './auth-harness';

let h: Harness;
const CARD = '4111111111111111';
const BIG = '12345678901234567890';

beforeAll(async () => {
  h = await startAuthHarness({
    roles: {
      // Sees the "shop." topics and "shop-" groups, nothing else.
      shop: { grants: [{ actions: ['topic:view', 'messages:read'], resources: ['shop.*'] }, { actions: ['group:view'], resources: ['shop-*'] }] },
      'pay-reader': { grants: [{ actions: ['topic:view', 'messages:read'], resources: ['/payments\\..*/'] }] },
      'pay-clear': { grants: [{ actions: ['topic:view', 'messages:read'], resources: ['payments.*'] }] },
      retention: { grants: [{ actions: ['topic:view', 'topic:edit-config'] }] },
    },
    users: { alice: ['shop'], masked: ['pay-reader'], clear: ['pay-clear'], tuner: ['retention'], boss: ['retention', 'admin'] },
    masking: [{ topics: ['payments.*'], fields: ['card', 'iban'], unmaskedRoles: ['pay-clear', 'admin'] }],
  });
  await Promise.all([createTopic(h, 'shop.orders', 2), createTopic(h, 'secret.salaries', 2), createTopic(h, 'payments.cards', 1)]);
  await h.producer.send({ topic: 'shop.orders', messages: [{ partition: 0, value: 'o1' }] });
  await h.producer.send({ topic: 'secret.salaries', messages: [{ partition: 0, value: 's1' }, { partition: 1, value: 's2' }] });
  await h.producer.send({
    topic: 'payments.cards',
    messages: [
      { key: 'k1', value: `{"card":"${CARD}","amount":${BIG},"nested":{"iban":"DE89370400440532013000","ok":true}}` },
      { key: 'k2', value: 'not json at all' },
    ],
  });
  // One group reads both a visible and a hidden topic; one group is hidden altogether.
  await commitOffsets(h, 'shop-billing', 'shop.orders', { 0: '1' });
  await commitOffsets(h, 'shop-billing', 'secret.salaries', { 0: '1' });
  await commitOffsets(h, 'hr-payroll', 'shop.orders', { 0: '0' });
}, 60_000);
afterAll(() => h?.close());

describe('a user sees only what a role lets them view', () => {
  it('topic list, filter and counts', async () => {
    const list = TopicListSchema.parse((await call(topicsRoute, '/api/clusters/test/topics?pageSize=500', {}, await as('alice'))).body);
    expect(list.items.map((t) => t.name)).toEqual(['shop.orders']);
    expect(list.total).toBe(1);
    const search = TopicListSchema.parse((await call(topicsRoute, '/api/clusters/test/topics?q=secret', {}, await as('alice'))).body);
    expect(search).toMatchObject({ items: [], total: 0 });
    const bySize = TopicListSchema.parse((await call(topicsRoute, '/api/clusters/test/topics?sort=messages&dir=desc', {}, await as('alice'))).body);
    expect(bySize.items.map((t) => t.name)).toEqual(['shop.orders']);
    const overview = ClusterOverviewSchema.parse((await call(overviewRoute, '/api/clusters/test/overview', {}, await as('alice'))).body);
    expect(overview.totals).toMatchObject({ topics: 1, partitions: 2 });
    const broker = BrokerDetailSchema.parse((await call(brokerRoute, '/api/clusters/test/brokers/0', { id: '0' }, await as('alice'))).body);
    expect(broker.leads.map((l) => l.topic)).toEqual(['shop.orders']);
  });

  it('a hidden topic is 403, not its data', async () => {
    const r = await call(topicRoute, '/api/clusters/test/topics/secret.salaries', { topic: 'secret.salaries' }, await as('alice'));
    expect(r.status).toBe(403);
    expect(r.body.permission).toBe('topic:view');
    expect((await call(messagesRoute, '/api/clusters/test/topics/secret.salaries/messages', { topic: 'secret.salaries' }, await as('alice'))).status).toBe(403);
    expect((await call(searchRoute, '/api/clusters/test/topics/secret.salaries/search?q=s', { topic: 'secret.salaries' }, await as('alice'))).status).toBe(403);
  });

  it('group list, group page and a topic’s groups leave out what is hidden', async () => {
    const groups = GroupListSchema.parse((await call(groupsRoute, '/api/clusters/test/groups', {}, await as('alice'))).body);
    expect(groups.items.map((g) => g.groupId)).toEqual(['shop-billing']);
    expect(groups.items[0]!.topics).toEqual(['shop.orders']);
    const lagSorted = GroupListSchema.parse((await call(groupsRoute, '/api/clusters/test/groups?sort=totalLag', {}, await as('alice'))).body);
    expect(lagSorted.items.map((g) => g.groupId)).toEqual(['shop-billing']);
    const detail = GroupDetailSchema.parse((await call(groupRoute, '/api/clusters/test/groups/shop-billing', { group: 'shop-billing' }, await as('alice'))).body);
    expect(new Set(detail.offsets.map((o) => o.topic))).toEqual(new Set(['shop.orders']));
    expect(detail.totals.topics).toBe(1);
    expect(JSON.stringify(detail)).not.toContain('secret');
    const topic = TopicDetailSchema.parse((await call(topicRoute, '/api/clusters/test/topics/shop.orders', { topic: 'shop.orders' }, await as('alice'))).body);
    expect(topic.groups.map((g) => g.groupId)).toEqual(['shop-billing']);
    expect((await call(groupRoute, '/api/clusters/test/groups/hr-payroll', { group: 'hr-payroll' }, await as('alice'))).status).toBe(403);
  });

  it('an admin still sees everything (the filters are not the data)', async () => {
    const list = TopicListSchema.parse((await call(topicsRoute, '/api/clusters/test/topics?pageSize=500', {}, await as('boss'))).body);
    expect(list.items.map((t) => t.name)).toEqual(expect.arrayContaining(['shop.orders', 'secret.salaries', 'payments.cards']));
  });

  it('GET /api/me hands the user’s grants to the UI', async () => {
    const me = MeSchema.parse((await call(meRoute, '/api/me', {}, await as('alice'))).body);
    expect(me).toMatchObject({ user: 'alice', auth: 'users', roles: ['shop'] });
    expect(me.grants[0]!.resources).toEqual(['shop.*']);
    expect(MeSchema.parse((await call(meRoute, '/api/me', {})).body)).toMatchObject({ user: null, grants: [] });
  });
});

async function searchMatches(user: string, q: string): Promise<Message[]> {
  const r = await call(searchRoute, `/api/clusters/test/topics/payments.cards/search?q=${encodeURIComponent(q)}`, { topic: 'payments.cards' }, await as(user));
  expect(r.status).toBe(200);
  const text = await r.response.text();
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => SearchEventSchema.parse(JSON.parse(l)))
    .flatMap((e) => (e.type === 'match' ? [e.message] : []));
}

describe('masking', () => {
  it('browse: masked fields replaced at any depth, 64-bit numbers kept whole, raw bytes withheld, non-JSON withheld', async () => {
    const page = MessagePageSchema.parse((await call(messagesRoute, '/api/clusters/test/topics/payments.cards/messages?from=earliest&order=asc', { topic: 'payments.cards' }, await as('masked'))).body);
    const [json, text] = page.messages;
    expect(json!.value!.text).toContain('"card":"****"');
    expect(json!.value!.text).toContain('"iban":"****"');
    expect(json!.value!.text).toContain(`"amount":${BIG}`);
    expect(json!.value!.text).not.toContain(CARD);
    expect(JSON.stringify(page)).not.toContain(CARD);
    expect(json!.key!.text).toBe('k1');
    expect(text!.value).toMatchObject({ text: null, base64: null });
    expect(text!.value!.error).toMatch(/Withheld/);
  });

  it('a role named in the rule sees the clear data', async () => {
    const page = MessagePageSchema.parse((await call(messagesRoute, '/api/clusters/test/topics/payments.cards/messages?from=earliest&order=asc', { topic: 'payments.cards' }, await as('clear'))).body);
    expect(page.messages[0]!.value!.text).toContain(CARD);
    expect(page.messages[1]!.value!.text).toBe('not json at all');
  });

  it('search: a masked value cannot be found, and matches come masked', async () => {
    expect(await searchMatches('masked', CARD)).toEqual([]);
    expect((await searchMatches('clear', CARD)).length).toBe(1);
    const found = await searchMatches('masked', 'amount');
    expect(found).toHaveLength(1);
    expect(found[0]!.value!.text).toContain('"card":"****"');
  });
});

describe('retention changes that delete records', () => {
  it('says what they delete', () => {
    const current = [{ name: 'retention.ms', value: '604800000', source: 'DEFAULT_CONFIG', isDefault: true, isSensitive: false, readOnly: false } as const];
    expect(retentionEffects(current, { 'retention.ms': '3600000' })).toEqual(['Lowering retention.ms from 7 day(s) to 1 hour(s): records older than 1 hour(s) are deleted.']);
    expect(retentionEffects(current, { 'retention.ms': '-1' })).toEqual([]);
    expect(retentionEffects(current, { 'retention.ms': '999999999999' })).toEqual([]);
    expect(retentionEffects(current, { 'segment.ms': '60000' })).toHaveLength(1);
    expect(retentionEffects(current, { 'cleanup.policy': 'compact' })).toEqual([]);
  });

  it('need records:delete as well as topic:edit-config', async () => {
    await createTopic(h, 'tuned', 1);
    const lower = { configs: { 'retention.ms': '60000' } };
    const r = await call(configsRoute, '/api/clusters/test/topics/tuned/configs', { topic: 'tuned' }, { method: 'PUT', body: lower, ...(await as('tuner')) });
    expect(r.status).toBe(403);
    expect(r.body.permission).toBe('records:delete');
    expect(r.body.detail).toContain('records older than 1 minute(s) are deleted');
    const raise = await call(configsRoute, '/api/clusters/test/topics/tuned/configs', { topic: 'tuned' }, { method: 'PUT', body: { configs: { 'retention.ms': '-1' } }, ...(await as('tuner')) });
    expect(raise.status).toBe(200);
    const boss = await call(configsRoute, '/api/clusters/test/topics/tuned/configs', { topic: 'tuned' }, { method: 'PUT', body: lower, ...(await as('boss')) });
    expect(boss.status).toBe(200);
  });
});
