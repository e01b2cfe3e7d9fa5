// Range and order: a topic whose every record has a known timestamp (produced with explicit
// CreateTime timestamps, interleaved over three partitions, the head of one partition deleted), read
// with every combination of start, stop, order, partition and limit. The expected offsets are
// computed here from what was produced, by the definitions in plain words (oldest first from T: at or
// after T; newest first from T: at or before T; the stop included), not by the server's arithmetic.
// Following the page cursors walks the whole range and stops at its stop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getMessages } from '../../app/api/clusters/[cluster]/topics/[topic]/messages/route';
import { MessagePageSchema, type MessagePage } from '../../lib/schemas/message';
import { call, createTopic, startHarness, uniqueName, type Harness } from './harness';

const PARTITIONS = 3;
const PER_PARTITION = 12;
const BASE = 1_700_000_000_000;
const DELETED = { partition: 2, before: 3 };

interface Produced {
  partition: number;
  offset: number;
  ts: number;
}

let h: Harness;
const topic = uniqueName('ranges');
const produced: Produced[] = [];

beforeAll(async () => {
  h = await startHarness();
  await createTopic(h, topic, PARTITIONS);
  for (let i = 0; i < PER_PARTITION; i++) {
    for (let p = 0; p < PARTITIONS; p++) {
      const ts = BASE + (i * PARTITIONS + p) * 1000;
      const [meta] = await h.producer.send({ topic, messages: [{ partition: p, value: `p${p}-${i}`, timestamp: String(ts) }] });
      produced.push({ partition: p, offset: Number(meta!.baseOffset), ts });
    }
  }
  const admin = h.kafka.admin();
  await admin.connect();
  await admin.fetchTopicMetadata({ topics: [topic] });
  await admin.deleteTopicRecords({ topic, partitions: [{ partition: DELETED.partition, offset: String(DELETED.before) }] });
  await admin.disconnect();
});
afterAll(() => h?.close());

type From = { from: 'earliest' } | { from: 'latest' } | { from: 'offset'; offset: number } | { from: 'timestamp'; timestamp: number };
type To = { to: 'end' } | { to: 'offset'; toOffset: number } | { to: 'timestamp'; toTimestamp: number };
interface Case {
  from: From;
  to: To;
  order: 'asc' | 'desc';
  partition: number | undefined;
  limit: number;
}

const alive = (r: Produced) => !(r.partition === DELETED.partition && r.offset < DELETED.before);

/** What the page must hold, as "partition:offset", in display order. */
function expected(c: Case): string[] {
  const forwards = c.from.from === 'earliest' || (c.from.from !== 'latest' && c.order === 'asc');
  const f = c.from;
  const t = c.to;
  const inRange = (r: Produced) => {
    if (f.from === 'offset' && !(forwards ? r.offset >= f.offset : r.offset <= f.offset)) return false;
    if (f.from === 'timestamp' && !(forwards ? r.ts >= f.timestamp : r.ts <= f.timestamp)) return false;
    if (t.to === 'offset' && !(forwards ? r.offset <= t.toOffset : r.offset >= t.toOffset)) return false;
    if (t.to === 'timestamp' && !(forwards ? r.ts <= t.toTimestamp : r.ts >= t.toTimestamp)) return false;
    return true;
  };
  const rows = produced.filter((r) => alive(r) && (c.partition === undefined || r.partition === c.partition) && inRange(r));
  // Timestamps are unique, so the merge across partitions is the order by timestamp.
  rows.sort((a, b) => (forwards ? a.ts - b.ts : b.ts - a.ts));
  const taken = rows.slice(0, c.limit);
  if (forwards !== (c.order === 'asc')) taken.reverse();
  return taken.map((r) => `${r.partition}:${r.offset}`);
}

function query(c: Case, cursor?: string): string {
  const sp = new URLSearchParams({ from: c.from.from, to: c.to.to, order: c.order, limit: String(c.limit) });
  if (c.from.from === 'offset') sp.set('offset', String(c.from.offset));
  if (c.from.from === 'timestamp') sp.set('timestamp', String(c.from.timestamp));
  if (c.to.to === 'offset') sp.set('toOffset', String(c.to.toOffset));
  if (c.to.to === 'timestamp') sp.set('toTimestamp', String(c.to.toTimestamp));
  if (c.partition !== undefined) sp.set('partition', String(c.partition));
  if (cursor) sp.set('cursor', cursor);
  return sp.toString();
}

async function page(qs: string): Promise<MessagePage> {
  const r = await call(getMessages, `/api/topics/${topic}/messages?${qs}`, { topic });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return MessagePageSchema.parse(r.body);
}

const ids = (p: MessagePage) => p.messages.map((m) => `${m.partition}:${m.offset}`);

// Timestamps on, between and beside records: exactly on one (inclusive ends), between two, and
// before the first record.
const ON = BASE + 13 * 1000;
const BETWEEN = BASE + 22 * 1000 + 500;
const froms: From[] = [
  { from: 'earliest' },
  { from: 'latest' },
  { from: 'offset', offset: 5 },
  { from: 'offset', offset: 1 },
  { from: 'timestamp', timestamp: ON },
  { from: 'timestamp', timestamp: BETWEEN },
  { from: 'timestamp', timestamp: BASE - 5000 },
];
const tos: To[] = [
  { to: 'end' },
  { to: 'offset', toOffset: 8 },
  { to: 'offset', toOffset: 2 },
  { to: 'timestamp', toTimestamp: ON },
  { to: 'timestamp', toTimestamp: BETWEEN },
];
const cases: Case[] = [];
for (const from of froms)
  for (const to of tos)
    for (const order of ['asc', 'desc'] as const)
      for (const partition of [undefined, 0, DELETED.partition])
        for (const limit of [1000, 4]) cases.push({ from, to, order, partition, limit });

describe('every combination of from, to, order, partition and limit', () => {
  it(`returns exactly the expected records (${cases.length} combinations)`, async () => {
    const failures: string[] = [];
    for (const c of cases) {
      const got = ids(await page(query(c)));
      const want = expected(c);
      if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${query(c)}\n  got  ${got.join(' ')}\n  want ${want.join(' ')}`);
    }
    expect(failures.slice(0, 5).join('\n')).toBe('');
    // The data has something in most ranges, so the comparison is not one of empty lists.
    expect(cases.filter((c) => expected(c).length > 0).length).toBeGreaterThan(cases.length / 2);
  });

  it('following the cursors walks the whole range in the order shown and stops at its stop', async () => {
    const walked = cases.filter((c) => c.limit === 4 && !(c.from.from === 'earliest' && c.order === 'desc') && !(c.from.from === 'latest' && c.order === 'asc'));
    const failures: string[] = [];
    for (const c of walked) {
      const all: string[] = [];
      let p = await page(query(c));
      all.push(...ids(p));
      for (let i = 0; p.next && i < 40; i++) {
        p = await page(query(c, p.next));
        all.push(...ids(p));
      }
      const want = expected({ ...c, limit: 1000 });
      if (JSON.stringify(all) !== JSON.stringify(want)) failures.push(`${query(c)}\n  got  ${all.join(' ')}\n  want ${want.join(' ')}`);
    }
    expect(failures.slice(0, 5).join('\n')).toBe('');
  });
});

describe('an offset below the log start', () => {
  it('moves to the log start and says so', async () => {
    const p = await page(`partition=${DELETED.partition}&from=offset&offset=1&order=asc&limit=2`);
    expect(ids(p)).toEqual([`${DELETED.partition}:${DELETED.before}`, `${DELETED.partition}:${DELETED.before + 1}`]);
    expect(p.notices).toEqual([{ partition: DELETED.partition, bound: 'from', reason: 'below-log-start', requested: '1', used: String(DELETED.before) }]);
  });
  it('is not reported where it is not below the log start', async () => {
    const p = await page(`partition=0&from=offset&offset=1&order=asc&limit=2`);
    expect(ids(p)).toEqual(['0:1', '0:2']);
    expect(p.notices).toEqual([]);
  });
});
