// Walks the batches of a segment file by their headers, reading the file in windows so that many
// small batches cost one read and a large batch costs one small read for its header. Used by
// recovery, index rebuilding, offset lookups and the producer-state rebuild — never per record.

import * as H from '../records/batch-header';
import { crc32c } from '../records/crc32c';
import type { Blob } from './backend';

const WINDOW = 16 * 1024;

export interface ScannedBatch {
  /** Buffer holding the batch header at `at` (and, with `full`, the whole batch). */
  buf: Buffer;
  at: number;
  /** Position of the batch in the file, and its total size. */
  pos: number;
  size: number;
}

export type ScanEnd = { pos: number; torn: false } | { pos: number; torn: true; reason: string };

/**
 * Calls `visit` for each batch from `from` until the end of the blob or until `visit` returns false.
 * Stops at the first batch that is not whole and sane (short, bad length, wrong magic, or — with
 * `verifyCrc` — bad CRC) and reports where the good data ends.
 */
export function scanBatches(
  blob: Blob,
  from: number,
  visit: (b: ScannedBatch) => boolean | void,
  opts: { verifyCrc?: boolean } = {},
): ScanEnd {
  const end = blob.size;
  let pos = from;
  let win: Buffer = Buffer.alloc(0);
  let winPos = 0;
  while (pos < end) {
    if (end - pos < H.BATCH_HEADER_SIZE) return { pos, torn: true, reason: 'short batch header' };
    if (pos < winPos || pos + H.BATCH_HEADER_SIZE > winPos + win.length) {
      win = blob.readAt(pos, WINDOW);
      winPos = pos;
    }
    let at = pos - winPos;
    const size = H.LOG_OVERHEAD + win.readInt32BE(at + H.BATCH_LENGTH);
    if (size < H.BATCH_HEADER_SIZE) return { pos, torn: true, reason: 'bad batch length' };
    if (win.readInt8(at + H.MAGIC) !== 2) return { pos, torn: true, reason: 'bad magic' };
    if (pos + size > end) return { pos, torn: true, reason: 'batch runs past the end of the file' };
    let buf: Buffer = win;
    if (opts.verifyCrc) {
      if (at + size > win.length) {
        buf = blob.readAt(pos, size);
        at = 0;
      }
      if (crc32c(buf, at + H.CRC_START, at + size) !== buf.readUInt32BE(at + H.CRC))
        return { pos, torn: true, reason: 'bad CRC' };
    }
    if (visit({ buf, at, pos, size }) === false) return { pos, torn: false };
    pos += size;
  }
  return { pos, torn: false };
}
