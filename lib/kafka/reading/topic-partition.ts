// A partition of a topic, and the one string form used to key maps and caches by it (a NUL cannot
// appear in a topic name, so no two partitions share a key).
import 'server-only';
export interface TP {
  topic: string;
  partition: number;
}

export const tpKey = (tp: TP) => `${tp.topic}\u0000${tp.partition}`;
