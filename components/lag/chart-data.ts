// The group page's charts from one lag-history answer, as uPlot wants them: one x array (seconds)
// and y arrays aligned to it (null where a series has no point). Pure functions, so what the charts
// show is tested without a browser.
//
// Lag in time per point: for each partition, when did its log end reach the committed offset (the
// time of the record at that position, interpolated between the two samples whose log ends bracket
// it) and when did the log end last move (the time of the newest record); the difference is how far
// the group's position is behind the newest record. Offsets are compared as bigint; only the
// results (lags, seconds) become numbers, for drawing. The group's value is its worst partition's,
// unknown when a partition that is behind cannot be told.
import type { LagHistory } from '@/lib/schemas/lag-history';

export type LagBy = 'total' | 'topic' | 'partition';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

export interface ChartData {
  /** Seconds since the epoch. */
  xs: number[];
  series: ChartSeries[];
}

const num = (s: string | null): number | null => (s === null ? null : Number(s));

/** Lag in records over time: the total, one line per topic, or one per partition. */
export function lagSeries(h: LagHistory, by: LagBy): ChartData {
  const times = h.totals.map((p) => p.t);
  const xs = times.map((t) => t / 1000);
  if (by === 'total') return { xs, series: [{ label: 'Total lag', values: h.totals.map((p) => num(p.lag)) }] };
  const index = new Map(times.map((t, i) => [t, i]));
  // Lags (differences, not offsets) as numbers: they are pixel heights here, and exact in the tables.
  const lines = new Map<string, (number | null)[]>();
  for (const p of h.partitions) {
    const label = by === 'topic' ? p.topic : `${p.topic}-${p.partition}`;
    let line = lines.get(label);
    if (!line) lines.set(label, (line = new Array<number | null>(times.length).fill(null)));
    for (const [t, , , lag] of p.points) {
      const i = index.get(t);
      if (i === undefined || lag === null) continue;
      line[i] = (line[i] ?? 0) + Number(lag);
    }
  }
  return { xs, series: [...lines].map(([label, values]) => ({ label, values })) };
}

/** Records per second consumed (the committed offsets moving) and produced (the log ends moving). */
export function rateSeries(h: LagHistory): ChartData {
  return {
    xs: h.totals.map((p) => p.t / 1000),
    series: [
      { label: 'Consumed /s', values: h.totals.map((p) => p.consumptionRate) },
      { label: 'Produced /s', values: h.totals.map((p) => p.productionRate) },
    ],
  };
}

type Point = LagHistory['partitions'][number]['points'][number];

/** Seconds behind the newest record at each point of one partition (null when it cannot be told). */
export function partitionTimeLag(points: readonly Point[]): (number | null)[] {
  // Offsets compare exactly as numbers while they are safe integers (15 digits); past that, as bigint.
  const big = points.some((p) => p[1].length > 15 || (p[2] !== null && p[2].length > 15));
  return big ? timeLagOf(points, BigInt) : timeLagOf(points, Number);
}

function timeLagOf<N extends number | bigint>(points: readonly Point[], parse: (s: string) => N): (number | null)[] {
  const t = points.map((p) => p[0]);
  const end = points.map((p) => (p[2] === null ? null : parse(p[2])));
  const out: (number | null)[] = [];
  // The time the log end last moved, per point.
  const movedAt: (number | null)[] = [];
  for (let i = 0; i < points.length; i++) {
    const e = end[i] ?? null;
    if (e === null) movedAt.push(null);
    else if (i > 0 && end[i - 1] !== null && end[i - 1] === e) movedAt.push(movedAt[i - 1] ?? null);
    else movedAt.push(t[i]!);
  }
  for (let i = 0; i < points.length; i++) {
    const c = parse(points[i]![1]);
    const e = end[i] ?? null;
    if (e === null) {
      out.push(null);
      continue;
    }
    if (c >= e) {
      out.push(0);
      continue;
    }
    // The first sample at or before i whose log end had passed c: the record at c was written
    // between the sample before it and that one.
    let lo = 0;
    let hi = i;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = end[mid] ?? null;
      if (m !== null && m > c) {
        found = mid;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    if (found <= 0 || end[found - 1] === null) {
      // Written before the first sample of the range: older than what the range can tell.
      out.push(null);
      continue;
    }
    const a = end[found - 1]!;
    const b = end[found]!;
    const ta = t[found - 1]!;
    const tb = t[found]!;
    const written = ta + (Number((c as number) - (a as number)) / Number((b as number) - (a as number))) * (tb - ta);
    const newest = movedAt[i] ?? t[i]!;
    out.push(Math.max(0, (newest - written) / 1000));
  }
  return out;
}

/** The group's lag in seconds over time: at each point, its worst partition's. */
export function timeLagSeries(h: LagHistory): ChartData {
  const times = h.totals.map((p) => p.t);
  const index = new Map(times.map((t, i) => [t, i]));
  const worst = new Array<number | null>(times.length).fill(null);
  // A partition behind by an unknown time makes the group's unknown too: 0 from the others would
  // read as "caught up".
  const unknown = new Array<boolean>(times.length).fill(false);
  for (const p of h.partitions) {
    const lags = partitionTimeLag(p.points);
    p.points.forEach((pt, j) => {
      const i = index.get(pt[0]);
      const v = lags[j];
      if (i === undefined) return;
      if (v === null || v === undefined) {
        if (pt[3] === null || BigInt(pt[3]) > 0n) unknown[i] = true;
        return;
      }
      if (worst[i] === null || v > worst[i]!) worst[i] = v;
    });
  }
  return { xs: times.map((t) => t / 1000), series: [{ label: 'Seconds behind', values: worst.map((v, i) => (unknown[i] ? null : v)) }] };
}
