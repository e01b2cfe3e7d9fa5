// Formats per topic pattern, end to end: a topic that a rule names reads in the rule's format when the
// page names none, its neighbour keeps the cluster's default, and a format in the request still wins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as messagesRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/messages/route';
import { MessagePageSchema } from '../../lib/schemas/message';
import { call, createTopic, startHarness, uniqueName, type Harness } from './harness';

let h: Harness;
const prefix = uniqueName('counters');
const counted = `${prefix}.clicks`;
const other = uniqueName('plain');

const long = (n: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(n);
  return b;
};

beforeAll(async () => {
  h = await startHarness({ env: { KAFSCOPE_TOPIC_FORMATS: JSON.stringify([{ topics: [`${prefix}.*`], valueFormat: 'LONG' }]) } });
  for (const t of [counted, other]) {
    await createTopic(h, t, 1);
    await h.producer.send({ topic: t, messages: [{ value: long(9_007_199_254_740_993n) }] });
  }
});
afterAll(() => h?.close());

async function firstValue(topic: string, qs = '') {
  const r = await call(messagesRoute, `/api/topics/${topic}/messages?from=earliest${qs}`, { topic });
  expect(r.status).toBe(200);
  return MessagePageSchema.parse(r.body).messages[0]!.value!;
}

describe('formats per topic pattern', () => {
  it('a topic the rule names reads as the rule says, exactly; another topic as the cluster default', async () => {
    expect(await firstValue(counted)).toMatchObject({ encoding: 'long', text: '9007199254740993' });
    expect((await firstValue(other)).encoding).not.toBe('long');
  });

  it('the format a request names wins over the rule', async () => {
    expect((await firstValue(counted, '&valueFormat=binary')).encoding).toBe('binary');
  });
});
