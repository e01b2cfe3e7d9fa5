import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getMessages, POST as produce } from '../../app/api/clusters/[cluster]/topics/[topic]/messages/route';
import { MessagePageSchema } from '../../lib/schemas/message';
import { call, createTopic, startHarness, type Harness } from './harness';

let h: Harness;
const topic = 'browse-special';
beforeAll(async () => {
  h = await startHarness();
  await createTopic(h, topic, 1, 1, { 'max.message.bytes': String(8 * 1024 * 1024) });
  await h.producer.send({
    topic,
    messages: [
      { key: 'bin', value: Buffer.from([0xff, 0xfe, 0x41]) },
      { key: 'big', value: Buffer.alloc(2 * 1024 * 1024, 0x61) },
      { key: 'json', value: '{"ticker":"ACME","price":12.5}' },
      { key: null, value: null },
      { key: 'hdr', value: 'with headers', headers: { trace: 'abc', raw: Buffer.from([0xc3]) } },
    ],
  });
  await createTopic(h, 'browse-many', 3);
  for (let i = 0; i < 30; i++) {
    await h.producer.send({ topic: 'browse-many', messages: [{ partition: i % 3, value: `m${i}`, timestamp: String(1_700_000_000_000 + i * 1000) }] });
  }
});
afterAll(() => h?.close());

const page = async (t: string, qs: string) => {
  const r = await call(getMessages, `/api/topics/${t}/messages?${qs}`, { topic: t });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return MessagePageSchema.parse(r.body);
};

describe('special messages', () => {
  it('each is rendered as specified', async () => {
    const p = await page(topic, 'from=earliest&limit=10&order=asc');
    expect(p.messages.map((m) => m.offset)).toEqual(['0', '1', '2', '3', '4']);
    const [bin, big, json, nul, hdr] = p.messages;
    expect(bin!.value).toMatchObject({ encoding: 'binary', base64: Buffer.from([0xff, 0xfe, 0x41]).toString('base64'), size: 3 });
    expect(big!.value).toMatchObject({ encoding: 'text', size: 2 * 1024 * 1024, truncated: true });
    expect(big!.value!.text!.length).toBeLessThanOrEqual(1024 * 1024);
    expect(json!.value).toMatchObject({ encoding: 'json', text: '{"ticker":"ACME","price":12.5}' });
    expect(nul!.key).toBeNull();
    expect(nul!.value).toBeNull();
    expect(hdr!.headers).toEqual([
      { key: 'trace', encoding: 'text', text: 'abc', base64: null },
      { key: 'raw', encoding: 'binary', text: null, base64: 'ww==' },
    ]);
    expect(p.watermarks).toEqual([{ partition: 0, low: '0', high: '5' }]);
  });
});

describe('browsing', () => {
  it('latest returns the last records; cursors page back and forth without gaps', async () => {
    const p1 = await page('browse-many', 'from=latest&limit=4&order=desc');
    expect(p1.messages.map((m) => m.value!.text)).toEqual(['m29', 'm28', 'm27', 'm26']);
    const p2 = await page('browse-many', `limit=4&order=desc&cursor=${p1.next}`);
    expect(p2.messages.map((m) => m.value!.text)).toEqual(['m25', 'm24', 'm23', 'm22']);
    const back = await page('browse-many', `limit=4&order=desc&cursor=${p2.prev}`);
    expect(back.messages.map((m) => m.value!.text)).toEqual(['m29', 'm28', 'm27', 'm26']);
    expect(back.prev).toBeNull();
  });
  it('all partitions merged by timestamp, ascending from the earliest', async () => {
    const p = await page('browse-many', 'from=earliest&limit=7&order=asc');
    expect(p.messages.map((m) => m.value!.text)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6']);
    const next = await page('browse-many', `limit=7&order=asc&cursor=${p.next}`);
    expect(next.messages[0]!.value!.text).toBe('m7');
  });
  it('one partition from an offset, and from a timestamp', async () => {
    const p = await page('browse-many', 'partition=1&from=offset&offset=3&limit=2&order=asc');
    expect(p.messages.map((m) => [m.partition, m.offset, m.value!.text])).toEqual([[1, '3', 'm10'], [1, '4', 'm13']]);
    const t = await page('browse-many', `from=timestamp&timestamp=${1_700_000_000_000 + 20_000}&limit=3&order=asc`);
    expect(t.messages.map((m) => m.value!.text)).toEqual(['m20', 'm21', 'm22']);
  });
  it('a 64-bit offset beyond 2^53 survives as a string (clamped to the end)', async () => {
    const p = await page(topic, 'from=offset&offset=9007199254740993&limit=5&order=asc');
    expect(p.messages).toEqual([]);
  });
  it.each([
    ['negative offset', 'from=offset&offset=-1', 'offset'],
    ['non-numeric offset', 'from=offset&offset=abc', 'offset'],
    ['limit 10^9', 'limit=1000000000', 'limit'],
    ['bad cursor', 'cursor=garbage', 'cursor'],
  ])('rejects %s with 400 naming the field', async (_, qs, field) => {
    const r = await call(getMessages, `/api/topics/${topic}/messages?${qs}`, { topic });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toBe('application/problem+json');
    expect(r.body.field).toBe(field);
  });
  it('unknown topic and partition are 404', async () => {
    expect((await call(getMessages, '/api/topics/nope/messages', { topic: 'nope' })).status).toBe(404);
    expect((await call(getMessages, `/api/topics/${topic}/messages?partition=7`, { topic })).status).toBe(404);
  });
});

describe('produce', () => {
  it('by key lands where the Java partitioner puts it, and returns the offset', async () => {
    const r = await call(produce, '/api/topics/browse-many/messages', { topic: 'browse-many' }, { method: 'POST', body: { key: 'foo', value: 'v', headers: [{ key: 'h', value: 'x' }] } });
    expect(r.status).toBe(201);
    // murmur2("foo") % 3 — the partition Kafka's Java client picks for this key.
    expect(r.body.partition).toBe(2);
    const p = await page('browse-many', `partition=2&from=offset&offset=${r.body.offset}&limit=1&order=asc`);
    expect(p.messages[0]).toMatchObject({ key: { text: 'foo' }, value: { text: 'v' }, headers: [{ key: 'h', text: 'x' }] });
  });
  it('to an explicit partition; malformed JSON and wrong content type refused', async () => {
    const r = await call(produce, `/api/topics/${topic}/messages`, { topic }, { method: 'POST', body: { value: 'p0', partition: 0 } });
    expect(r.body).toEqual({ partition: 0, offset: '5', messages: [{ partition: 0, offset: '5' }] });
    expect((await call(produce, `/api/topics/${topic}/messages`, { topic }, { method: 'POST', body: '{"value":' })).status).toBe(400);
    expect((await call(produce, `/api/topics/${topic}/messages`, { topic }, { method: 'POST', body: 'value=x', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
  });
});
