// Counts and ranges that read correctly: "1 partition", "3 partitions"; and the offsets a range of
// records holds, written inclusively ("offsets 0–3" for four records), where Kafka's watermarks give
// the high end exclusively (the next offset to be written). 64-bit offsets stay exact (BigInt).
import { formatCount, formatInt64 } from './numbers';

/** "1 partition", "2 partitions", "1,024 messages"; `many` for irregular plurals. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** The offsets between a low and a high watermark: "offsets 0–3", "offset 7", or "no records". */
export function offsetRange(low: string, highExclusive: string): string {
  const lo = BigInt(low);
  const last = BigInt(highExclusive) - 1n;
  if (last < lo) return 'no records';
  if (last === lo) return `offset ${formatInt64(low)}`;
  return `offsets ${formatInt64(low)}–${formatInt64(last.toString())}`;
}
