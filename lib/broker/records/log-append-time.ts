// Topics with message.timestamp.type=LogAppendTime stamp each batch with the broker's clock on
// append. Kafka does this in place: set the timestamp-type attribute bit, overwrite the batch
// timestamps, recompute the CRC — no record is touched, so the batch is never re-encoded.

import { crc32c } from './crc32c';
import { ATTRIBUTES, BASE_TIMESTAMP, CRC, CRC_START, MAX_TIMESTAMP, TIMESTAMP_TYPE_BIT, batchSize } from './batch-header';

/** Rewrites the batch at `pos` in `buf` to LogAppendTime `nowMs`. */
export function setLogAppendTime(buf: Buffer, nowMs: bigint, pos = 0): void {
  buf.writeInt16BE(buf.readInt16BE(pos + ATTRIBUTES) | TIMESTAMP_TYPE_BIT, pos + ATTRIBUTES);
  buf.writeBigInt64BE(nowMs, pos + BASE_TIMESTAMP);
  buf.writeBigInt64BE(nowMs, pos + MAX_TIMESTAMP);
  buf.writeUInt32BE(crc32c(buf, pos + CRC_START, pos + batchSize(buf, pos)), pos + CRC);
}
