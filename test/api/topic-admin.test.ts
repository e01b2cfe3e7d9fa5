// The topic mutations besides create/delete, through their route handlers against a real broker:
// add partitions, edit configs, purge records — happy paths and each refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUT as putConfigs } from '../../app/api/clusters/[cluster]/topics/[topic]/configs/route';
import { POST as addPartitions } from '../../app/api/clusters/[cluster]/topics/[topic]/partitions/route';
import { POST as purge } from '../../app/api/clusters/[cluster]/topics/[topic]/records/delete/route';
import { GET as getTopic } from '../../app/api/clusters/[cluster]/topics/[topic]/route';
import { ConfigEntryListSchema } from '../../lib/schemas/config';
import { DeleteRecordsResponseSchema, TopicDetailSchema } from '../../lib/schemas/topic';
import { cachesExpired, call, createTopic, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

async function detail(topic: string) {
  await cachesExpired();
  const res = await call(getTopic, `/api/topics/${topic}`, { topic });
  expect(res.status).toBe(200);
  return TopicDetailSchema.parse(res.body);
}

async function produceN(topic: string, partition: number, n: number) {
  await h.producer.send({ topic, messages: Array.from({ length: n }, (_, i) => ({ partition, value: `v${i}` })) });
}

describe('POST /api/topics/:topic/partitions', () => {
  it('raises the partition count; refuses the same or fewer with 400 on count; 404 for an unknown topic', async () => {
    await createTopic(h, 'grow', 2);
    const ok = await call(addPartitions, '/api/topics/grow/partitions', { topic: 'grow' }, { method: 'POST', body: { count: 5 } });
    expect(ok.status).toBe(200);
    expect((await detail('grow')).partitions.map((p) => p.partition)).toEqual([0, 1, 2, 3, 4]);

    const same = await call(addPartitions, '/api/topics/grow/partitions', { topic: 'grow' }, { method: 'POST', body: { count: 5 } });
    expect(same.status).toBe(400);
    expect(same.body.field).toBe('count');
    const junk = await call(addPartitions, '/api/topics/grow/partitions', { topic: 'grow' }, { method: 'POST', body: { count: 'many' } });
    expect(junk.status).toBe(400);
    const missing = await call(addPartitions, '/api/topics/nope/partitions', { topic: 'nope' }, { method: 'POST', body: { count: 3 } });
    expect(missing.status).toBe(404);
  });
});

describe('PUT /api/topics/:topic/configs', () => {
  it('sets an override, keeps the others, and a null puts the default back', async () => {
    await createTopic(h, 'tuned', 1, 1, { 'cleanup.policy': 'compact' });
    const set = await call(putConfigs, '/api/topics/tuned/configs', { topic: 'tuned' }, { method: 'PUT', body: { configs: { 'retention.ms': '3600000' } } });
    expect(set.status).toBe(200);
    const configs = ConfigEntryListSchema.parse((await detail('tuned')).configs);
    const byName = new Map(configs.map((c) => [c.name, c]));
    expect(byName.get('retention.ms')).toMatchObject({ value: '3600000', isDefault: false });
    expect(byName.get('cleanup.policy')).toMatchObject({ value: 'compact', isDefault: false });

    const reset = await call(putConfigs, '/api/topics/tuned/configs', { topic: 'tuned' }, { method: 'PUT', body: { configs: { 'retention.ms': null } } });
    expect(reset.status).toBe(200);
    const after = new Map((await detail('tuned')).configs.map((c) => [c.name, c]));
    expect(after.get('retention.ms')).toMatchObject({ value: '604800000', isDefault: true });
    expect(after.get('cleanup.policy')?.value).toBe('compact');
  });

  it('an invalid value is refused with a 4xx naming the problem, and nothing changes', async () => {
    await createTopic(h, 'strict', 1);
    const bad = await call(putConfigs, '/api/topics/strict/configs', { topic: 'strict' }, { method: 'PUT', body: { configs: { 'retention.ms': 'soon' } } });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    expect(JSON.stringify(bad.body)).toMatch(/retention\.ms/);
    const after = new Map((await detail('strict')).configs.map((c) => [c.name, c]));
    expect(after.get('retention.ms')?.isDefault).toBe(true);
  });
});

describe('POST /api/topics/:topic/records/delete', () => {
  it('purges up to an offset on one partition and everything on all; offsets past the end mean all', async () => {
    await createTopic(h, 'purged', 2);
    await produceN('purged', 0, 10);
    await produceN('purged', 1, 4);
    const some = await call(purge, '/api/topics/purged/records/delete', { topic: 'purged' }, {
      method: 'POST',
      body: { partitions: [{ partition: 0, offset: '6' }] },
    });
    expect(some.status).toBe(200);
    expect(DeleteRecordsResponseSchema.parse(some.body).partitions).toEqual([{ partition: 0, low: '6' }]);
    let t = await detail('purged');
    expect(t.partitions.map((p) => [p.low, p.high])).toEqual([['6', '10'], ['0', '4']]);

    const beyond = await call(purge, '/api/topics/purged/records/delete', { topic: 'purged' }, {
      method: 'POST',
      body: { partitions: [{ partition: 1, offset: '9223372036854775807' }] },
    });
    expect(beyond.status).toBe(200);
    expect(DeleteRecordsResponseSchema.parse(beyond.body).partitions).toEqual([{ partition: 1, low: '4' }]);

    const all = await call(purge, '/api/topics/purged/records/delete', { topic: 'purged' }, { method: 'POST', body: { all: true } });
    expect(all.status).toBe(200);
    t = await detail('purged');
    expect(t.partitions.map((p) => p.messages)).toEqual(['0', '0']);
    expect(t.totals.messages).toBe('0');
  });

  it('refuses an unknown partition (404), a negative offset (400) and an unknown topic (404)', async () => {
    await createTopic(h, 'purge-errors', 1);
    const p9 = await call(purge, '/api/topics/purge-errors/records/delete', { topic: 'purge-errors' }, { method: 'POST', body: { partitions: [{ partition: 9, offset: '1' }] } });
    expect(p9.status).toBe(404);
    const neg = await call(purge, '/api/topics/purge-errors/records/delete', { topic: 'purge-errors' }, { method: 'POST', body: { partitions: [{ partition: 0, offset: '-1' }] } });
    expect(neg.status).toBe(400);
    const none = await call(purge, '/api/topics/nope/records/delete', { topic: 'nope' }, { method: 'POST', body: { all: true } });
    expect(none.status).toBe(404);
  });
});
