// Checks the record batches a producer sent before the log accepts them. Only header-level checks
// and the CRC: records are never decoded on the produce path (that is per-record work, and the CRC
// already proves the bytes are what the client built).

import { ErrorCode } from '../../common/kafka-error-codes';
import { crc32c } from './crc32c';
import * as H from './batch-header';

export type ValidationResult =
  | { ok: true; batches: Buffer[]; header: H.BatchHeader[] }
  | { ok: false; errorCode: number; message: string };

const fail = (errorCode: number, message: string): ValidationResult => ({ ok: false, errorCode, message });

/** Splits a Produce request's records field into batches and validates each. The returned batch
 * Buffers are views into `records` (no copy). */
export function validateProducedBatches(records: Buffer | null): ValidationResult {
  if (records === null || records.length === 0) return fail(ErrorCode.INVALID_RECORD, 'Produce request has no record batch');
  const batches: Buffer[] = [];
  const headers: H.BatchHeader[] = [];
  let pos = 0;
  while (pos < records.length) {
    const remaining = records.length - pos;
    if (remaining < H.MAGIC + 1) return fail(ErrorCode.CORRUPT_MESSAGE, `Record batch at byte ${pos} is truncated`);
    const magic = records.readInt8(pos + H.MAGIC);
    if (magic !== 2) return fail(ErrorCode.INVALID_RECORD, `Record batch magic ${magic} is not supported (only 2)`);
    if (remaining < H.BATCH_HEADER_SIZE) return fail(ErrorCode.CORRUPT_MESSAGE, `Record batch at byte ${pos} is truncated`);
    const batchLength = records.readInt32BE(pos + H.BATCH_LENGTH);
    const size = H.LOG_OVERHEAD + batchLength;
    if (size < H.BATCH_HEADER_SIZE) return fail(ErrorCode.CORRUPT_MESSAGE, `Record batch length ${batchLength} is too small`);
    if (size > remaining) return fail(ErrorCode.CORRUPT_MESSAGE, `Record batch length ${batchLength} overruns the ${remaining} bytes sent`);
    const batch = records.subarray(pos, pos + size);
    const header = H.readBatchHeader(batch);
    const crc = crc32c(batch, H.CRC_START);
    if (crc !== header.crc) return fail(ErrorCode.CORRUPT_MESSAGE, `Record batch CRC ${header.crc} does not match computed ${crc}`);
    if (header.baseOffset !== 0n) return fail(ErrorCode.INVALID_RECORD, `Record batch baseOffset must be 0 from a client, got ${header.baseOffset}`);
    if (header.recordCount < 1) return fail(ErrorCode.INVALID_RECORD, 'Record batch has no records');
    if (header.lastOffsetDelta !== header.recordCount - 1)
      return fail(ErrorCode.INVALID_RECORD, `Record batch lastOffsetDelta ${header.lastOffsetDelta} does not match recordCount ${header.recordCount}`);
    if (H.isControl(header.attributes)) return fail(ErrorCode.INVALID_RECORD, 'Clients may not produce control batches');
    const codec = H.compressionOf(header.attributes);
    if (codec > H.Compression.zstd) return fail(ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, `Unknown compression codec ${codec}`);
    batches.push(batch);
    headers.push(header);
    pos += size;
  }
  return { ok: true, batches, header: headers };
}

/** Kafka accepts zstd batches only from Produce v7 on (older clients could not read them back). */
export function checkCompressionForProduceVersion(
  headers: readonly H.BatchHeader[],
  produceVersion: number,
): { ok: true } | { ok: false; errorCode: number; message: string } {
  if (produceVersion >= 7) return { ok: true };
  for (const h of headers) {
    if (H.compressionOf(h.attributes) === H.Compression.zstd)
      return { ok: false, errorCode: ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, message: 'zstd compression needs Produce v7 or later' };
  }
  return { ok: true };
}
