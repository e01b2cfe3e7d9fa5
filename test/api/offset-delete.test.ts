// Deleting a group's committed offsets of one topic (OffsetDelete) through the API, against the
// embedded broker: an empty group loses exactly that topic's offsets (kafkajs' fetchOffsets, an
// independent reader, sees them gone and the other topic's kept); a live consumer subscribed to the
// topic makes the broker refuse, and the refusal is the answer (409, GROUP_SUBSCRIBED_TO_TOPIC).
// Bad input is 400/404, and GROUP_DELETE_ENABLED=false refuses with 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '../../app/api/clusters/[cluster]/groups/[group]/offsets/delete/route';
import { DeleteGroupOffsetsResponseSchema } from '../../lib/schemas/group-offsets';
import { call, commitOffsets, createTopic, startHarness, uniqueName, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ broker: { settings: { initialRebalanceDelayMs: 0 } } });
});
afterAll(() => h?.close());

const del = (group: string, body: unknown) => call(POST, `/api/clusters/test/groups/${group}/offsets/delete`, { group }, { method: 'POST', body });

async function offsetsSeen(groupId: string, topic: string): Promise<string[]> {
  const admin = h.kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchOffsets({ groupId, topics: [topic] }))[0]!.partitions.sort((a, b) => a.partition - b.partition).map((p) => p.offset);
  } finally {
    await admin.disconnect();
  }
}

describe('POST /api/clusters/:c/groups/:g/offsets/delete', () => {
  it("an empty group loses that topic's offsets and keeps the others'", async () => {
    const group = uniqueName('od-group');
    const gone = uniqueName('od-gone');
    const kept = uniqueName('od-kept');
    await createTopic(h, gone, 2);
    await createTopic(h, kept, 1);
    await commitOffsets(h, group, gone, { 0: '5', 1: '7' });
    await commitOffsets(h, group, kept, { 0: '3' });
    expect(await offsetsSeen(group, gone)).toEqual(['5', '7']);

    const res = await del(group, { topic: gone });
    expect(res.status).toBe(200);
    expect(DeleteGroupOffsetsResponseSchema.parse(res.body)).toEqual({ groupId: group, topic: gone, partitions: [0, 1] });
    expect(await offsetsSeen(group, gone)).toEqual(['-1', '-1']);
    expect(await offsetsSeen(group, kept)).toEqual(['3']);

    // Nothing left on that topic now: 404, not a silent success.
    const again = await del(group, { topic: gone });
    expect(again.status).toBe(404);
  });

  it('a live consumer subscribed to the topic: the broker refuses, 409 with its error', async () => {
    const group = uniqueName('od-live');
    const topic = uniqueName('od-live-topic');
    await createTopic(h, topic, 1);
    await h.producer.send({ topic, messages: [{ value: 'one' }, { value: 'two' }] });
    const consumer = h.kafka.consumer({ groupId: group, sessionTimeout: 10_000, heartbeatInterval: 500 });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let seen = 0;
    await consumer.run({ autoCommitThreshold: 1, eachMessage: async () => void seen++ });
    try {
      const deadline = Date.now() + 20_000;
      while (seen < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      await consumer.commitOffsets([{ topic, partition: 0, offset: '2' }]);
      const res = await del(group, { topic });
      expect(res.status).toBe(409);
      expect(res.body.kafkaError).toBe('GROUP_SUBSCRIBED_TO_TOPIC');
      expect(res.body.detail).toMatch(/subscribed/);
      expect(await offsetsSeen(group, topic)).toEqual(['2']);
    } finally {
      await consumer.disconnect();
    }
  });

  it('bad input: 400 for a missing or empty topic, 404 for a group with no offsets there', async () => {
    expect((await del('g', {})).status).toBe(400);
    expect((await del('g', { topic: '' })).body.field).toBe('topic');
    expect((await del(uniqueName('nobody'), { topic: 'whatever' })).status).toBe(404);
  });
});

describe('the switch', () => {
  let off: Harness;
  beforeAll(async () => {
    await h.close();
    off = await startHarness({ env: { GROUP_DELETE_ENABLED: 'false' } });
  });
  afterAll(() => off?.close());

  it('GROUP_DELETE_ENABLED=false refuses with 403 naming it', async () => {
    const res = await del('g', { topic: 't' });
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('GROUP_DELETE_ENABLED');
  });
});
