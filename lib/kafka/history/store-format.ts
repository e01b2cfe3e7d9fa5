// The layout of a lag-history file, written down in one place. Why a file format of our own and not
// SQLite: SQLite needs a native module (better-sqlite3) built for the target's Node.js and libc,
// which the standalone build and the Docker image would have to carry and rebuild (node:sqlite only
// exists from Node 22.5, and the console runs on 20.19); and the data is a time series appended once
// a round and read by group and time range, which a few hundred lines of append-only format serve
// with a fraction of a row store's bytes (no per-row keys, no B-tree pages, deltas instead of values).
//
// One directory per cluster, one file per UTC day: `YYYY-MM-DD.klh` at full resolution, replaced by
// `YYYY-MM-DD.5m.klh` (one round per 5 minutes) once the day is older than the downsampling age.
// Retention deletes whole files. A file is a sequence of records, each framed as
//   u32 LE length of (type + body) | u32 LE CRC-32 of (type + body) | u8 type | body
// so a record torn by a crash is found (length past the end, or CRC mismatch) and cut off at start-up.
//
//   HEADER (first record): version, day, resolution (0 = every round), group and partition bucket counts
//   DICT   new names, each getting the next id of its kind (file-local): groups, then topics
//   ROUND  varint time (ms) | u8 flags (1 = keyframe) | varint length of each group bucket block,
//          then of each partition bucket block | the blocks
//
// Groups are spread over buckets by a hash of their name, partitions by a hash of their topic's
// name, so reading one group's history reads one group block and its topics' partition blocks per
// round, not the whole round. A block is u8 flags (1 = layout follows, 2 = deflated) and then,
// deflated or not: the layout when it changed (group bucket: groups by ascending id, each with its
// partitions as topic id and partition; partition bucket: topic id and partition), and the values
// as deltas from the same series in the previous round (0 for a series new to the block), zeros
// run-length encoded (varint.ts), column by column so that what rarely moves makes long runs: the
// members (+1, 0 = unknown) of every group, then every committed offset (stored as the lag, log end
// - committed, when the round has the partition's log end: block-layout.ts says why); every
// partition's log start, then every log end. An empty block means "as before". A
// keyframe (the first round of a file, then one per keyframe interval) repeats every layout and
// gives every value against 0, so reading can start there instead of at the file's first round.
import 'server-only';
import { crc32 } from 'node:zlib';

export const FORMAT_VERSION = 1;
export const RECORD_HEADER = 4 + 4 + 1;

export const RecordType = { header: 1, dict: 2, round: 3 } as const;
export type RecordType = (typeof RecordType)[keyof typeof RecordType];

export const ROUND_KEYFRAME = 1;
export const BLOCK_LAYOUT = 1;
export const BLOCK_DEFLATED = 2;
/** Blocks smaller than this are stored as they are: deflate would not pay for its own header. */
export const DEFLATE_MIN = 96;

export const DEFAULT_BUCKETS = 64;
export const DAY_MS = 86_400_000;

export interface FileHeader {
  version: number;
  day: string;
  /** 0: every round was kept; otherwise the spacing of the rounds kept (downsampled). */
  resolutionMs: number;
  groupBuckets: number;
  partitionBuckets: number;
}

/** One record, framed: length, CRC and type before the body. */
export function frame(type: RecordType, body: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(RECORD_HEADER + body.length);
  out.writeUInt32LE(1 + body.length, 0);
  out[8] = type;
  out.set(body, RECORD_HEADER);
  out.writeUInt32LE(crc32(out.subarray(8)), 4);
  return out;
}

/** FNV-1a over the name's UTF-16 code units: the same bucket for the same name in every file. */
export function bucketOf(name: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % buckets;
}

/** The UTC day of a time, as `YYYY-MM-DD`. */
export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const dayStart = (day: string): number => Date.parse(`${day}T00:00:00.000Z`);

const FILE_NAME = /^(\d{4}-\d{2}-\d{2})(\.5m)?\.klh$/;
export function fileNameOf(day: string, downsampled: boolean): string {
  return `${day}${downsampled ? '.5m' : ''}.klh`;
}
export function parseFileName(name: string): { day: string; downsampled: boolean } | null {
  const m = FILE_NAME.exec(name);
  return m ? { day: m[1]!, downsampled: m[2] !== undefined } : null;
}
