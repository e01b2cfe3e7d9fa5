// Producing through the API, checked by an independent client (kcat, librdkafka): a tombstone is a
// null value (not 0 bytes), several messages go in order, an explicit timestamp is the record's
// CreateTime, and a JSON value's numbers arrive exactly as typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as produce } from '../../app/api/clusters/[cluster]/topics/[topic]/messages/route';
import { ProduceResponseSchema } from '../../lib/schemas/message';
import { KCAT, requireKcat, runOk } from '../broker/helpers';
import { call, createTopic, startHarness, uniqueName, type Harness } from './harness';

let h: Harness;
const topic = uniqueName('produce');

beforeAll(async () => {
  requireKcat();
  h = await startHarness();
  await createTopic(h, topic, 2);
});
afterAll(() => h?.close());

const post = async (body: unknown) => {
  const r = await call(produce, `/api/topics/${topic}/messages`, { topic }, { method: 'POST', body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return ProduceResponseSchema.parse(r.body);
};

/** What kcat reads back from one partition: offset, key, value size (-1 for null), timestamp, value. */
async function kcatRead(partition: number): Promise<string[]> {
  const out = await runOk(KCAT, ['-b', h.broker.bootstrap, '-C', '-t', topic, '-p', String(partition), '-o', 'beginning', '-e', '-q', '-Z', '-f', '%o|%k|%S|%T|%s\\n']);
  return out.split('\n').filter(Boolean);
}

describe('produce', () => {
  it('a tombstone is a null value, an empty value is 0 bytes', async () => {
    const tomb = await post({ key: 'gone', value: null, partition: 0 });
    const empty = await post({ key: 'empty', value: '', partition: 0 });
    const lines = await kcatRead(0);
    const byOffset = new Map(lines.map((l) => [l.split('|')[0], l]));
    // %S is the value's size as librdkafka read it: -1 for null, 0 for empty (-Z prints both as NULL).
    expect(byOffset.get(tomb.offset)).toMatch(/^\d+\|gone\|-1\|\d+\|NULL$/);
    expect(byOffset.get(empty.offset)).toMatch(/^\d+\|empty\|0\|\d+\|(NULL)?$/);
  });

  it('several messages in order, with an explicit timestamp, and JSON numbers exactly as typed', async () => {
    const T = 1_600_000_000_123;
    const values = ['{"id":12345678901234567891,"price":0.10,"huge":1e400}', 'second', 'third'];
    const r = await post({ messages: values.map((value, i) => ({ key: 'k', value, partition: 1, timestamp: T + i })) });
    expect(r.messages).toHaveLength(3);
    expect(r.messages.map((m) => m.partition)).toEqual([1, 1, 1]);
    const first = BigInt(r.messages[0]!.offset);
    expect(r.messages.map((m) => m.offset)).toEqual([first, first + 1n, first + 2n].map(String));
    const lines = await kcatRead(1);
    expect(lines.slice(-3)).toEqual(values.map((v, i) => `${first + BigInt(i)}|k|${Buffer.byteLength(v)}|${T + i}|${v}`));
  });

  it('refuses a batch that is too large or a malformed message with a 400', async () => {
    const tooMany = await call(produce, `/api/topics/${topic}/messages`, { topic }, { method: 'POST', body: { messages: Array.from({ length: 1001 }, () => ({ value: 'x' })) } });
    expect(tooMany.status).toBe(400);
    const badTimestamp = await call(produce, `/api/topics/${topic}/messages`, { topic }, { method: 'POST', body: { value: 'x', timestamp: 'yesterday' } });
    expect(badTimestamp.status).toBe(400);
  });
});
