// The group page's chart data from a lag-history answer: lines per total, topic and partition, the
// rates, and the lag in seconds interpolated from the log ends' course.
import { describe, expect, it } from 'vitest';
import type { LagHistory } from '@/lib/schemas/lag-history';
import { lagSeries, partitionTimeLag, rateSeries, timeLagSeries } from './chart-data';

type Point = LagHistory['partitions'][number]['points'][number];
const pt = (t: number, committed: number, end: number | null): Point => [t, String(committed), end === null ? null : String(end), end === null ? null : String(end - committed)];

function history(partitions: { topic: string; partition: number; points: Point[] }[]): LagHistory {
  const times = [...new Set(partitions.flatMap((p) => p.points.map((x) => x[0])))].sort((a, b) => a - b);
  return {
    cluster: 'c',
    groupId: 'g',
    range: '1h',
    from: 0,
    to: 3_600_000,
    intervalMs: 10_000,
    members: 1,
    verdict: null,
    partitions: partitions.map((p) => ({ ...p, verdict: null, lagSeconds: null })),
    totals: times.map((t, i) => {
      let lag = 0n;
      for (const p of partitions) {
        const x = p.points.find((q) => q[0] === t);
        if (x?.[3]) lag += BigInt(x[3]);
      }
      return { t, committed: '0', logEnd: '0', lag: lag.toString(), consumptionRate: i === 0 ? null : i, productionRate: i === 0 ? null : 2 * i };
    }),
    rates: { consumption: 1, production: 2 },
  };
}

describe('lag in seconds of one partition', () => {
  it('interpolates when the record at the committed offset was written, up to when the log end last moved', () => {
    // Log end 0, 100, 200, 200 at 0, 10, 20, 30 s.
    const points = [pt(0, 0, 0), pt(10_000, 50, 100), pt(20_000, 100, 200), pt(30_000, 100, 200)];
    // Offset 50 was written at 5 s, the newest record at 10 s; offset 100 at 10 s, the newest at 20 s
    // (nothing produced after 20 s, so 10 s still at 30 s).
    expect(partitionTimeLag(points)).toEqual([0, 5, 10, 10]);
  });
  it('is 0 at or above the log end, and unknown for a record older than the range or an unknown log end', () => {
    expect(partitionTimeLag([pt(0, 120, 100)])).toEqual([0]);
    expect(partitionTimeLag([pt(0, 10, 100), pt(10_000, 10, 200)])).toEqual([null, null]);
    expect(partitionTimeLag([pt(0, 0, 0), pt(10_000, 5, null)])).toEqual([0, null]);
  });
  it('compares offsets past 2^53 exactly', () => {
    const base = 2n ** 60n;
    const p = (t: number, c: bigint, e: bigint): Point => [t, c.toString(), e.toString(), (e - c).toString()];
    expect(partitionTimeLag([p(0, base, base), p(10_000, base + 1n, base + 4n)])).toEqual([0, 7.5]);
  });
});

describe('chart series', () => {
  const h = history([
    { topic: 'a', partition: 0, points: [pt(0, 0, 10), pt(10_000, 0, 20)] },
    { topic: 'a', partition: 1, points: [pt(0, 5, 10), pt(10_000, 10, 10)] },
    { topic: 'b', partition: 0, points: [pt(10_000, 1, 4)] },
  ]);
  it('total, per topic and per partition, aligned on the rounds (null where a partition has no point)', () => {
    expect(lagSeries(h, 'total')).toEqual({ xs: [0, 10], series: [{ label: 'Total lag', values: [15, 23] }] });
    expect(lagSeries(h, 'topic').series).toEqual([
      { label: 'a', values: [15, 20] },
      { label: 'b', values: [null, 3] },
    ]);
    expect(lagSeries(h, 'partition').series.map((s) => s.label)).toEqual(['a-0', 'a-1', 'b-0']);
  });
  it('rates, and the group\'s seconds behind as its worst partition\'s', () => {
    expect(rateSeries(h).series.map((s) => s.values)).toEqual([
      [null, 1],
      [null, 2],
    ]);
    // a-0: offset 0 written before the range, behind by an unknown time: the group's is unknown too.
    expect(timeLagSeries(h).series[0]!.values).toEqual([null, null]);
    // Known partitions: the worst one's; one caught up (0) does not hide another's 5 s.
    const known = history([
      { topic: 'a', partition: 0, points: [pt(0, 0, 0), pt(10_000, 50, 100)] },
      { topic: 'a', partition: 1, points: [pt(0, 0, 0), pt(10_000, 10, 10)] },
    ]);
    expect(timeLagSeries(known).series[0]!.values).toEqual([0, 5]);
  });
});
