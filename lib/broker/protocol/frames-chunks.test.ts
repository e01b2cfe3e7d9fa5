// encodeResponseChunks must put on the wire exactly what encodeResponse builds: the same bytes, in
// the same order, with the size prefix counting all of them — and the large record batches referenced,
// not copied, which is the point of sending chunks.
import { describe, expect, it } from 'vitest';
import { ApiKey } from './apis';
import { encodeResponse, encodeResponseChunks } from './frames';

function fetchBody(records: Buffer[]) {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    sessionId: 0,
    responses: [
      {
        topic: 'orders',
        partitions: records.map((r, i) => ({
          partitionIndex: i,
          errorCode: 0,
          highWatermark: 100n + BigInt(i),
          lastStableOffset: 100n,
          logStartOffset: 0n,
          abortedTransactions: null,
          preferredReadReplica: -1,
          records: r,
        })),
      },
    ],
  };
}

describe('encodeResponseChunks', () => {
  const big = (n: number, fill: number) => Buffer.alloc(n, fill);

  for (const version of [4, 11]) {
    it(`joins to encodeResponse's frame for Fetch v${version}, large batches referenced`, () => {
      const records = [big(5000, 1), Buffer.from('small'), big(2048, 3), Buffer.alloc(0)];
      const body = fetchBody(records);
      const chunks = encodeResponseChunks(ApiKey.Fetch, version, 77, body);
      const joined = Buffer.concat(chunks);
      expect(joined).toEqual(encodeResponse(ApiKey.Fetch, version, 77, body));
      expect(joined.readInt32BE(0)).toBe(joined.length - 4);
      expect(chunks).toContain(records[0]);
      expect(chunks).toContain(records[2]);
    });
  }

  it('is one chunk when nothing is large', () => {
    const body = fetchBody([Buffer.from('tiny')]);
    const chunks = encodeResponseChunks(ApiKey.Fetch, 11, 5, body);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toEqual(encodeResponse(ApiKey.Fetch, 11, 5, body));
  });
});
