// Where a read starts and stops, per partition: the one reading of `from`/`to` that browsing and
// search share. `from` is where the read starts and `to` where it stops, in the reading direction:
// forwards (oldest first) a timestamp T starts at the first record at or after T and a `to` of T2
// keeps records up to and including T2; backwards (newest first) T starts at the newest record at or
// before T and a `to` of T2 keeps records back to and including T2. Offsets alike, both inclusive.
// The result is a half-open offset range [lo, hi) per partition, clamped to the watermarks; an
// offset below the log start is moved there and reported, never silently skipped.
//
// Timestamps go through ListOffsets (the first offset whose timestamp is at or after the one asked),
// so "at or before T" is asked as "first at or after T+1". The pure core (resolveRange) is separate
// from the look-ups, so its arithmetic is tested on its own.
import 'server-only';
import type { MessagesQuery, RangeNotice } from '../../schemas/message';
import type { ClusterClients } from '../connection/clients';
import { listOffsets, tpKey, type Watermarks } from './watermarks';

export type Dir = 'fwd' | 'back';

export type RangeSpec = Pick<MessagesQuery, 'from' | 'offset' | 'timestamp' | 'to' | 'toOffset' | 'toTimestamp' | 'order'>;

export interface PartitionRange {
  /** First offset in the range. */
  lo: bigint;
  /** Offset after the last one in the range. */
  hi: bigint;
}

export interface ResolvedRange {
  dir: Dir;
  parts: Map<number, PartitionRange>;
  notices: RangeNotice[];
}

/** The browser's direction: earliest reads forwards and latest backwards whatever the display order
 * (the first or the last records of the log); an offset or a timestamp reads in the order shown. */
export function browseDirection(spec: Pick<RangeSpec, 'from' | 'order'>): Dir {
  if (spec.from === 'earliest') return 'fwd';
  if (spec.from === 'latest') return 'back';
  return spec.order === 'asc' ? 'fwd' : 'back';
}

/** The timestamps ListOffsets must be asked for: the start's and the stop's, as first-at-or-after. */
export function timestampLookups(spec: RangeSpec, dir: Dir): { from?: number; to?: number } {
  return {
    ...(spec.from === 'timestamp' && { from: (spec.timestamp ?? 0) + (dir === 'back' ? 1 : 0) }),
    ...(spec.to === 'timestamp' && { to: (spec.toTimestamp ?? 0) + (dir === 'fwd' ? 1 : 0) }),
  };
}

/** Offsets found by timestamp, per partition: -1 (no such record) or absent (unknown) mean the end. */
export interface FoundOffsets {
  from?: Map<number, bigint>;
  to?: Map<number, bigint>;
}

const clamp = (x: bigint, lo: bigint, hi: bigint) => (x < lo ? lo : x > hi ? hi : x);

export function resolveRange(spec: RangeSpec, dir: Dir, watermarks: Map<number, Watermarks>, found: FoundOffsets): ResolvedRange {
  const parts = new Map<number, PartitionRange>();
  const notices: RangeNotice[] = [];
  for (const [partition, w] of watermarks) {
    const byTime = (m: Map<number, bigint> | undefined) => {
      const o = m?.get(partition);
      return o === undefined || o < 0n ? w.high : o;
    };
    const offsetBound = (bound: 'from' | 'to', text: string | undefined, inclusiveEnd: boolean) => {
      const o = BigInt(text ?? '0');
      if (o < w.low) notices.push({ partition, bound, reason: 'below-log-start', requested: o.toString(), used: w.low.toString() });
      return inclusiveEnd ? o + 1n : o;
    };
    // The start: the low end going forwards, the high end going backwards.
    const start = (): bigint => {
      switch (spec.from) {
        case 'earliest':
          return w.low;
        case 'latest':
          return w.high;
        case 'offset':
          return offsetBound('from', spec.offset, dir === 'back');
        case 'timestamp':
          return byTime(found.from);
      }
    };
    // The stop: the other end.
    const stop = (): bigint => {
      switch (spec.to) {
        case 'end':
          return dir === 'fwd' ? w.high : w.low;
        case 'offset':
          return offsetBound('to', spec.toOffset, dir === 'fwd');
        case 'timestamp':
          return byTime(found.to);
      }
    };
    let lo = clamp(dir === 'fwd' ? start() : stop(), w.low, w.high);
    const hi = clamp(dir === 'fwd' ? stop() : start(), w.low, w.high);
    if (lo > hi) lo = hi;
    parts.set(partition, { lo, hi });
  }
  return { dir, parts, notices };
}

/** Looks up the timestamps the spec names (on the interactive lane) and resolves the range. */
export async function resolveScanRange(clients: ClusterClients, topic: string, watermarks: Map<number, Watermarks>, spec: RangeSpec, dir: Dir): Promise<ResolvedRange> {
  const tps = [...watermarks.keys()].map((partition) => ({ topic, partition }));
  const ts = timestampLookups(spec, dir);
  const look = async (t: number | undefined) => {
    if (t === undefined) return undefined;
    const m = await listOffsets(clients, tps, t);
    return new Map(tps.flatMap((tp) => (m.has(tpKey(tp)) ? [[tp.partition, m.get(tpKey(tp))!] as const] : [])));
  };
  const [from, to] = await Promise.all([look(ts.from), look(ts.to)]);
  return resolveRange(spec, dir, watermarks, { ...(from && { from }), ...(to && { to }) });
}
