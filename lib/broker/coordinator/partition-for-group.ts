// Which `__consumer_offsets` partition (and so which coordinator node) owns a group. It must be the
// very formula Kafka uses — `Utils.abs(groupId.hashCode()) % numPartitions` — so that records written
// by us sit where Kafka tooling expects them and FindCoordinator answers agree with a real cluster.

/** Java's String.hashCode: s[0]*31^(n-1) + ... over UTF-16 code units, with 32-bit overflow. */
export function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** Kafka's Utils.abs: clears the sign bit, so Integer.MIN_VALUE maps to 0 instead of staying negative. */
export function kafkaAbs(n: number): number {
  return n & 0x7fffffff;
}

export function partitionForGroup(groupId: string, numPartitions: number): number {
  if (!Number.isInteger(numPartitions) || numPartitions <= 0) {
    throw new RangeError(`numPartitions must be a positive integer, got ${numPartitions}`);
  }
  return kafkaAbs(javaStringHashCode(groupId)) % numPartitions;
}
