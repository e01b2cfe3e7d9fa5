// The filter parameter in browsing and search: a page keeps the records of its range that pass, a
// search's matches must pass it too, and a wrong expression is a 400 pointing at its position.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as messagesRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/messages/route';
import { GET as searchRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/search/route';
import type { SearchEvent } from '../../lib/schemas/message';
import { call, createTopic, startHarness, uniqueName, type Harness } from './harness';

let h: Harness;
const topic = uniqueName('filters');
beforeAll(async () => {
  h = await startHarness();
  await createTopic(h, topic, 2);
  await h.producer.send({
    topic,
    messages: Array.from({ length: 20 }, (_, i) => ({ partition: i % 2, key: `k${i}`, value: JSON.stringify({ amount: i * 10, id: `9007199254740${990 + i}` }), headers: { source: i % 4 === 0 ? 'web' : 'app' } })),
  });
}, 60_000);
afterAll(() => h?.close());

const q = (s: string) => encodeURIComponent(s);

describe('filter in browse and search', () => {
  it('a page keeps only the records that pass', async () => {
    const res = await call(messagesRoute, `/api/clusters/test/topics/x/messages?from=earliest&order=asc&limit=100&filter=${q('value.amount > 100 && headers["source"] == "web"')}`, { topic });
    expect(res.status).toBe(200);
    const keys = res.body.messages.map((m: { key: { text: string } }) => m.key.text).sort();
    expect(keys).toEqual(['k12', 'k16']);
  });

  it('search matches must pass the filter too', async () => {
    const res = await call(searchRoute, `/api/clusters/test/topics/x/search?q=amount&filter=${q('partition == 1 && offset < 3')}`, { topic });
    const events = (await res.response.text()).trim().split('\n').map((l) => JSON.parse(l) as SearchEvent);
    const matches = events.flatMap((e) => (e.type === 'match' ? [e.message] : []));
    expect(matches.map((m) => [m.partition, m.offset]).sort()).toEqual([[1, '0'], [1, '1'], [1, '2']]);
    expect(events.at(-1)).toMatchObject({ type: 'done', reason: 'end', matched: 3 });
  });

  it('a wrong filter is a 400 problem with the position', async () => {
    const res = await call(messagesRoute, `/api/clusters/test/topics/x/messages?filter=${q('value.amount > 1 &&& true')}`, { topic });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ field: 'filter', position: { start: expect.any(Number) } });
    expect(res.body.detail).toMatch(/position \d+/);
    const s = await call(searchRoute, `/api/clusters/test/topics/x/search?q=x&filter=${q('offset == "3"')}`, { topic });
    expect(s.status).toBe(400);
  });
});

describe('OpenAPI', () => {
  it('documents the tail, export and replay routes and their schemas', async () => {
    const { GET: openapi } = await import('../../app/api/openapi.json/route');
    const d = (await call(openapi, '/api/openapi.json')).body;
    for (const p of ['tail', 'export', 'replay']) expect(Object.keys(d.paths)).toContain(`/api/clusters/{cluster}/topics/{topic}/${p}`);
    expect(d.paths['/api/clusters/{cluster}/topics/{topic}/tail'].get.parameters.map((x: { name: string }) => x.name)).toContain('filter');
    expect(d.paths['/api/clusters/{cluster}/topics/{topic}/messages'].get.parameters.map((x: { name: string }) => x.name)).toContain('filter');
    for (const s of ['TailEvent', 'ExportRecord', 'ExportTrailer', 'ReplayRequest', 'ReplayPlan', 'ReplayEvent']) expect(d.components.schemas[s]).toBeDefined();
  });
});
