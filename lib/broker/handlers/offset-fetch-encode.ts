// The answer to an OffsetFetch v8 request that asks every group for all it committed (topics null),
// written straight into bytes. That is how a console reads lag for every group: at 10,000 groups of
// 13 commits each, the response objects (three per partition on the way from the group to the
// codec) and the schema walk cost the single-threaded broker about 400 ms per round, and every
// other request waited behind it. Here each commit goes from the group's map into the output once;
// the bytes are those the codec writes for the same answer (test/broker/offset-fetch-encode.test.ts
// compares them). Layout from Kafka's OffsetFetchResponse.json, v8 (flexible: compact strings and
// arrays, an empty tagged-field section after each struct).
import type { OffsetCommitValue } from '../coordinator/records';
import { Writer } from '../protocol/writer';
import { ErrorCode } from '../../common/kafka-error-codes';

export interface GroupOffsets {
  groupId: string;
  errorCode: number;
  /** Topic name -> partition -> commit, as the group holds them; partitions are written in order. */
  topics: readonly (readonly [string, ReadonlyMap<number, OffsetCommitValue>])[];
}

/** The response body (no header) of OffsetFetch v8 for `groups`, in order. */
export function encodeAllOffsetsV8(groups: readonly GroupOffsets[]): Buffer {
  const w = new Writer(64 * 1024);
  w.int32(0); // throttle time
  w.arrayLength(groups.length, true);
  for (const g of groups) {
    w.compactNullableString(g.groupId);
    w.arrayLength(g.topics.length, true);
    for (const [name, partitions] of g.topics) {
      w.compactNullableString(name);
      w.arrayLength(partitions.size, true);
      const indexes = [...partitions.keys()].sort((a, b) => a - b);
      for (const index of indexes) {
        const c = partitions.get(index)!;
        w.int32(index).int64(c.offset);
        // As the object path answers: the leader epoch is not kept for v8 answers.
        w.int32(-1);
        w.compactNullableString(c.metadata);
        w.int16(ErrorCode.NONE);
        w.uvarint(0);
      }
      w.uvarint(0);
    }
    w.int16(g.errorCode);
    w.uvarint(0);
  }
  w.uvarint(0);
  return w.finish();
}
