// Reads of messages in the audit trail: with KAFSCOPE_AUDIT_READS on, a browse, a search, a tail and
// an export each leave entries naming the user, topic, query and result (a streamed read when it
// starts and when it ends, with how it ended and the bytes the reader received); a refused read
// too. With it off, browse and search leave nothing, and an export is still recorded.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as exportRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/export/route';
import { GET as browseRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/messages/route';
import { GET as searchRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/search/route';
import { GET as tailRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/tail/route';
import { currentConsoleConfig } from '../../lib/config';
import { configureClusters } from '../../lib/kafka/connection/registry';
import type { AuditEntry } from '../../lib/schemas/audit';
import type { TailEvent } from '../../lib/schemas/streams';
import { call, createTopic, type Harness } from '../api/harness';
import { readEvents } from '../api/stream-reader';
import { as, startAuthHarness } from './auth-harness';

let h: Harness;
const TOPIC = 'read-audited';

beforeAll(async () => {
  h = await startAuthHarness({
    roles: { reader: { grants: [{ actions: ['topic:view', 'messages:read'] }] }, viewer: { grants: [{ actions: ['topic:view'] }] } },
    users: { rita: ['reader'], vic: ['viewer'] },
    env: { KAFSCOPE_AUDIT_READS: 'true' },
  });
  await createTopic(h, TOPIC, 1);
  await h.producer.send({ topic: TOPIC, messages: Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: `order ${i}` })) });
}, 60_000);
afterAll(() => h?.close());

function entries(): AuditEntry[] {
  const file = currentConsoleConfig().audit.file;
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditEntry) : [];
}

/** The entries added since `before`, once `n` of them are there (a stream's end lands after its body). */
async function added(before: number, n: number, ms = 3_000): Promise<AuditEntry[]> {
  const until = Date.now() + ms;
  while (entries().length - before < n && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  return entries().slice(before);
}

const bytesOf = async (res: Response) => (await res.arrayBuffer()).byteLength;

describe('with KAFSCOPE_AUDIT_READS on', () => {
  it('a browse leaves one entry: user, topic, query and result', async () => {
    const before = entries().length;
    const res = await call(browseRoute, `/api/clusters/test/topics/${TOPIC}/messages?partition=0&from=earliest&limit=3`, { topic: TOPIC }, await as('rita'));
    expect(res.status).toBe(200);
    expect(res.body.messages).toHaveLength(3);
    const [e, ...rest] = await added(before, 1);
    expect(rest).toEqual([]);
    expect(e).toMatchObject({
      user: 'rita',
      cluster: 'test',
      action: 'messages:read',
      resource: TOPIC,
      method: 'GET',
      path: `/api/clusters/test/topics/${TOPIC}/messages`,
      params: { partition: '0', from: 'earliest', limit: '3' },
      result: { ok: true, status: 200 },
    });
    expect(e!.stream).toBeUndefined();
    // The payloads never.
    expect(JSON.stringify(e)).not.toContain('order 0');
  });

  it('a search is recorded when it starts and when it ends, with its filter and the bytes sent', async () => {
    const before = entries().length;
    const filter = 'value.contains("order")';
    const res = await call(searchRoute, `/api/clusters/test/topics/${TOPIC}/search?q=order&filter=${encodeURIComponent(filter)}`, { topic: TOPIC }, await as('rita'));
    expect(res.status).toBe(200);
    const bytes = await bytesOf(res.response);
    const [start, end, ...rest] = await added(before, 2);
    expect(rest).toEqual([]);
    for (const e of [start, end]) expect(e).toMatchObject({ user: 'rita', action: 'messages:read', resource: TOPIC, params: { q: 'order', filter }, result: { ok: true, status: 200 } });
    expect(start!.stream).toEqual({ phase: 'start' });
    expect(end!.stream).toMatchObject({ phase: 'end', outcome: 'completed', bytes });
    expect(bytes).toBeGreaterThan(0);
    expect(end!.stream!.ms).toBeGreaterThanOrEqual(0);
  });

  it('a tail closed by its reader ends as cancelled', async () => {
    const before = entries().length;
    const abort = new AbortController();
    const res = await call(tailRoute, `/api/clusters/test/topics/${TOPIC}/tail?partition=0`, { topic: TOPIC }, { ...(await as('rita')), signal: abort.signal });
    expect(res.status).toBe(200);
    const events = readEvents<TailEvent>(res.response);
    await events.waitFor((e) => e.type === 'start');
    const [start] = await added(before, 1);
    expect(start).toMatchObject({ user: 'rita', action: 'messages:read', resource: TOPIC, params: { partition: '0' }, stream: { phase: 'start' } });
    abort.abort();
    const [, end, ...rest] = await added(before, 2);
    expect(rest).toEqual([]);
    expect(end).toMatchObject({ user: 'rita', resource: TOPIC, stream: { phase: 'end', outcome: 'cancelled' } });
  });

  it('an export is recorded as messages:export with its format and range', async () => {
    const before = entries().length;
    const res = await call(exportRoute, `/api/clusters/test/topics/${TOPIC}/export?format=csv&partition=0&from=offset&offset=1&toOffset=3`, { topic: TOPIC }, await as('rita'));
    expect(res.status).toBe(200);
    const bytes = await bytesOf(res.response);
    const [start, end, ...rest] = await added(before, 2);
    expect(rest).toEqual([]);
    const params = { format: 'csv', partition: '0', from: 'offset', offset: '1', toOffset: '3' };
    expect(start).toMatchObject({ user: 'rita', action: 'messages:export', resource: TOPIC, params, stream: { phase: 'start' } });
    expect(end).toMatchObject({ user: 'rita', action: 'messages:export', resource: TOPIC, params, result: { ok: true, status: 200 }, stream: { phase: 'end', outcome: 'completed', bytes } });
  });

  it('a refused read is recorded as failed', async () => {
    const before = entries().length;
    const res = await call(browseRoute, `/api/clusters/test/topics/${TOPIC}/messages`, { topic: TOPIC }, await as('vic'));
    expect(res.status).toBe(403);
    const [e, ...rest] = await added(before, 1);
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ user: 'vic', action: 'messages:read', resource: TOPIC, result: { ok: false, status: 403 } });
  });
});

describe('with KAFSCOPE_AUDIT_READS off', () => {
  beforeAll(() => {
    const config = currentConsoleConfig();
    configureClusters({ ...config, audit: { ...config.audit, reads: false } });
  });

  it('a browse, a search and a tail leave nothing', async () => {
    const before = entries().length;
    const rita = await as('rita');
    expect((await call(browseRoute, `/api/clusters/test/topics/${TOPIC}/messages`, { topic: TOPIC }, rita)).status).toBe(200);
    const search = await call(searchRoute, `/api/clusters/test/topics/${TOPIC}/search?q=order`, { topic: TOPIC }, rita);
    expect(search.status).toBe(200);
    await bytesOf(search.response);
    const abort = new AbortController();
    const tail = await call(tailRoute, `/api/clusters/test/topics/${TOPIC}/tail`, { topic: TOPIC }, { ...rita, signal: abort.signal });
    await readEvents<TailEvent>(tail.response).waitFor((e) => e.type === 'start');
    abort.abort();
    expect((await call(browseRoute, `/api/clusters/test/topics/${TOPIC}/messages`, { topic: TOPIC }, await as('vic'))).status).toBe(403);
    await new Promise((r) => setTimeout(r, 200));
    expect(entries().slice(before)).toEqual([]);
  });

  it('an export is still recorded', async () => {
    const before = entries().length;
    const res = await call(exportRoute, `/api/clusters/test/topics/${TOPIC}/export?format=ndjson`, { topic: TOPIC }, await as('rita'));
    expect(res.status).toBe(200);
    const bytes = await bytesOf(res.response);
    const got = await added(before, 2);
    expect(got.map((e) => [e.user, e.action, e.resource, e.params?.format, e.stream?.phase])).toEqual([
      ['rita', 'messages:export', TOPIC, 'ndjson', 'start'],
      ['rita', 'messages:export', TOPIC, 'ndjson', 'end'],
    ]);
    expect(got[1]!.stream).toMatchObject({ outcome: 'completed', bytes });
  });
});
