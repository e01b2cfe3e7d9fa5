// The lag store (lib/kafka/history/store.ts) without a broker: what goes in comes out (the codec,
// one group's range, thinning to a bound), history survives a restart and a torn last record,
// retention and downsampling happen on an injected clock, and lag in seconds is interpolated.
import { appendFile, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RoundDecoder } from '../../lib/kafka/history/round-decoder';
import { RoundEncoder } from '../../lib/kafka/history/round-encoder';
import { LagStore } from '../../lib/kafka/history/store';
import { dayStart } from '../../lib/kafka/history/store-format';
import type { RoundSample } from '../../lib/kafka/history/types';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kafscope-lag-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const DAY0 = dayStart('2031-03-01');

/** A small cluster: `groups` groups on their own topic of 3 partitions, moving by `i`. */
function round(at: number, i: number, groups = 4): RoundSample {
  const partitions: RoundSample['partitions'] = [];
  const gs: RoundSample['groups'] = [];
  for (let g = 0; g < groups; g++) {
    const topic = `topic-${g}`;
    const commits = [];
    for (let p = 0; p < 3; p++) {
      const end = BigInt(1000 * g + 10 * i * (p + 1));
      partitions.push({ topic, partition: p, logStart: BigInt(Math.floor(i / 50) * 5), logEnd: end });
      commits.push({ topic, partition: p, committed: end - BigInt((i * 7 + g + p) % 13) });
    }
    gs.push({ group: `group-${g}`, members: g % 3 === 0 ? null : g % 3, commits });
  }
  return { at, partitions, groups: gs };
}

/** A round sorted the way the decoder gives it back, for comparison. */
function normal(r: RoundSample): RoundSample {
  const byName = <T extends { topic: string; partition: number }>(a: T, b: T) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition);
  return {
    at: r.at,
    partitions: [...r.partitions].sort(byName),
    groups: [...r.groups].sort((a, b) => (a.group < b.group ? -1 : 1)).map((g) => ({ ...g, commits: [...g.commits].sort(byName) })),
  };
}

describe('round codec', () => {
  it('gives back every round: layouts that change, absent log ends, values past 2^53, steps back', () => {
    const encoder = new RoundEncoder(4, 4);
    const rounds: RoundSample[] = [];
    const big = 2n ** 60n;
    for (let i = 0; i < 30; i++) {
      const r = round(DAY0 + i * 1000, i, 3 + (i % 4));
      // A partition whose leader did not answer in some rounds; huge offsets on another; one going back.
      if (i % 5 === 2) r.partitions = r.partitions.filter((p) => !(p.topic === 'topic-1' && p.partition === 2));
      r.partitions.push({ topic: 'huge', partition: 0, logStart: big, logEnd: big + BigInt(i * 1_000_000_007) });
      r.groups.push({ group: 'huge-reader', members: 1, commits: [{ topic: 'huge', partition: 0, committed: big + BigInt(i % 7 === 3 ? 5 : i * 999) }] });
      if (i % 6 === 1) r.groups.push({ group: 'sometimes', members: 0, commits: [] });
      rounds.push(r);
    }
    const bodies = rounds.map((r, i) => encoder.encode(r, i % 10 === 0).slice());
    const decoder = new RoundDecoder(encoder.dict, 4, 4);
    bodies.forEach((b, i) => expect(normal(decoder.decode(b))).toEqual(normal(rounds[i]!)));
  });
});

describe('round codec near 2^53', () => {
  it('stays exact when a value crosses 2^53 between keyframes', () => {
    const encoder = new RoundEncoder(2, 2);
    const edge = 2n ** 53n;
    const rounds: RoundSample[] = [-3n, -1n, 0n, 2n, 7n, 2n ** 20n].map((d, i) => ({
      at: DAY0 + i,
      partitions: [{ topic: 't', partition: 0, logStart: 0n, logEnd: edge + d }],
      groups: [{ group: 'g', members: 1, commits: [{ topic: 't', partition: 0, committed: edge + d - 1n }] }],
    }));
    const bodies = rounds.map((r, i) => encoder.encode(r, i === 0).slice());
    const decoder = new RoundDecoder(encoder.dict, 2, 2);
    bodies.forEach((b, i) => expect(normal(decoder.decode(b))).toEqual(normal(rounds[i]!)));
  });
});

describe('lag store', () => {
  it('answers a group\'s range with what was appended, thinned to the bound', async () => {
    let now = DAY0;
    const store = await LagStore.open({ dir, clock: () => now, keyframeEveryMs: 20 * 30_000 });
    const appended: RoundSample[] = [];
    for (let i = 0; i < 100; i++) {
      now = DAY0 + i * 30_000;
      const r = round(now, i);
      appended.push(r);
      await store.append(r);
    }
    const all = await store.history('group-2', DAY0, now, 2000);
    expect(all).toHaveLength(100);
    for (const [i, row] of all.entries()) {
      const src = appended[i]!;
      expect(row.at).toBe(src.at);
      expect(row.members).toBe(2);
      const g = src.groups.find((x) => x.group === 'group-2')!;
      for (const c of g.commits) {
        const p = src.partitions.find((x) => x.topic === c.topic && x.partition === c.partition)!;
        expect(row.partitions.get(`${c.topic}\u0000${c.partition}`)).toEqual({ committed: c.committed, logStart: p.logStart, logEnd: p.logEnd });
      }
    }
    // A range in the middle starts from the keyframe before it.
    const middle = await store.history('group-0', DAY0 + 45 * 30_000, DAY0 + 55 * 30_000, 2000);
    expect(middle.map((r) => r.at)).toEqual(appended.slice(45, 56).map((r) => r.at));
    expect(middle[0]!.members).toBeNull();
    const thin = await store.history('group-1', DAY0, now, 10);
    expect(thin.length).toBeLessThanOrEqual(10);
    expect(thin.at(-1)!.at).toBe(now);
    // Thinned rounds carry the same values as the same rounds read whole.
    const whole = await store.history('group-1', DAY0, now, 2000);
    for (const row of thin) expect(row).toEqual(whole.find((w) => w.at === row.at));
    expect(await store.history('nobody', DAY0, now, 10)).toEqual([]);
    await store.close();
  });

  it('refuses a round that is not after the last one', async () => {
    let now = DAY0;
    const store = await LagStore.open({ dir, clock: () => now });
    await store.append(round(now, 0));
    await expect(store.append(round(now, 1))).rejects.toThrow(/not after the last one/);
    now += 1000;
    await store.append(round(now, 1));
    await store.close();
  });

  it('keeps history, verdicts and lag in seconds across a restart, and goes on appending', async () => {
    let now = DAY0 + 3_600_000;
    const window = { samples: 5, ms: 5 * 60_000 };
    let store = await LagStore.open({ dir, clock: () => now, window });
    const stuck = (at: number, i: number): RoundSample => ({
      at,
      partitions: [{ topic: 'orders', partition: 0, logStart: 0n, logEnd: BigInt(100 + i * 30) }],
      groups: [{ group: 'billing', members: 2, commits: [{ topic: 'orders', partition: 0, committed: 130n }] }],
    });
    for (let i = 0; i < 8; i++) {
      now = DAY0 + 3_600_000 + i * 30_000;
      await store.append(stuck(now, i));
    }
    const before = { verdict: store.verdictOf('billing'), history: await store.history('billing', DAY0, now, 100), commits: [...store.latestCommits('billing')] };
    expect(before.verdict.status).toBe('STALL');
    const seconds = store.lagSeconds(before.commits[0]!.p, 130n, before.commits[0]!.logEnd!);
    // Log end 100, 130, 160, ... 310 a round apart: the record at 130 was written 1/30 into the third
    // interval, the newest (309) at the end of the last, 179 s later.
    expect(seconds).toBeCloseTo(179, 3);
    await store.close();

    store = await LagStore.open({ dir, clock: () => now, window });
    expect(store.verdictOf('billing')).toEqual(before.verdict);
    expect(await store.history('billing', DAY0, now, 100)).toEqual(before.history);
    const after = [...store.latestCommits('billing')];
    const withoutIndex = (list: typeof after) => list.map((c) => [c.topic, c.partition, c.committed, c.logEnd]);
    expect(withoutIndex(after)).toEqual(withoutIndex(before.commits));
    expect(store.lagSeconds(after[0]!.p, 130n, after[0]!.logEnd!)).toBeCloseTo(179, 3);
    now += 30_000;
    await store.append(stuck(now, 8));
    expect((await store.history('billing', DAY0, now, 100)).length).toBe(9);
    await store.close();
  });

  it('cuts off a last record torn by a crash', async () => {
    let now = DAY0;
    let store = await LagStore.open({ dir, clock: () => now });
    for (let i = 0; i < 5; i++) {
      now = DAY0 + i * 30_000;
      await store.append(round(now, i));
    }
    await store.close();
    const [file] = (await readdir(dir)).filter((f) => f.endsWith('.klh'));
    const path = join(dir, file!);
    const whole = (await stat(path)).size;
    // Half a record: a length that runs past the end of the file.
    await appendFile(path, Buffer.from([200, 0, 0, 0, 1, 2, 3, 4, 3, 9, 9]));
    store = await LagStore.open({ dir, clock: () => now });
    expect((await stat(path)).size).toBe(whole);
    expect(await store.history('group-3', DAY0, now, 100)).toHaveLength(5);
    now += 30_000;
    await store.append(round(now, 5));
    expect(await store.history('group-3', DAY0, now, 100)).toHaveLength(6);
    await store.close();
  });

  it('downsamples days older than 24 h to 5 minutes, and deletes days past the retention', async () => {
    let now = DAY0;
    const store = await LagStore.open({ dir, clock: () => now });
    const appended = new Map<number, RoundSample>();
    // Ten days, a round a minute on day 0, every 30 minutes after (small rounds, quick to write).
    for (let t = DAY0; t < DAY0 + 10 * 86_400_000; t += t < DAY0 + 86_400_000 ? 60_000 : 1_800_000) {
      now = t;
      const r = round(t, Math.floor((t - DAY0) / 60_000), 2);
      appended.set(t, r);
      await store.append(r);
    }
    await store.maintain();
    const disk = store.disk();
    const days = disk.files.map((f) => f.day);
    // Retention 7 days: the days ending more than 7 days ago are gone.
    expect(days).toEqual(['2031-03-03', '2031-03-04', '2031-03-05', '2031-03-06', '2031-03-07', '2031-03-08', '2031-03-09', '2031-03-10']);
    expect(disk.files.filter((f) => f.resolutionMs > 0).map((f) => f.day)).toEqual(days.slice(0, -2));
    expect((await readdir(dir)).sort()).toEqual([...days.slice(0, -2).map((d) => `${d}.5m.klh`), ...days.slice(-2).map((d) => `${d}.klh`)]);
    await store.close();

    // Day 0 at 1-minute resolution, downsampled while still within the retention.
    await rm(dir, { recursive: true, force: true });
    now = DAY0;
    const again = await LagStore.open({ dir, clock: () => now });
    for (let t = DAY0; t < DAY0 + 86_400_000; t += 60_000) {
      now = t;
      await again.append(appended.get(t)!);
    }
    now = DAY0 + 2 * 86_400_000;
    await again.maintain();
    expect(again.disk().files).toEqual([expect.objectContaining({ day: '2031-03-01', resolutionMs: 300_000, rounds: 288 })]);
    const rows = await again.history('group-1', DAY0, DAY0 + 86_400_000, 2000);
    expect(rows).toHaveLength(288);
    for (const row of rows) {
      expect(row.at % 300_000).toBe(0);
      const src = appended.get(row.at)!;
      const c = src.groups[1]!.commits[2]!;
      expect(row.partitions.get(`topic-1\u00002`)!.committed).toBe(c.committed);
      expect(row.partitions.get(`topic-1\u00002`)!.logEnd).toBe(src.partitions[5]!.logEnd);
    }
    await again.close();
  });
});
