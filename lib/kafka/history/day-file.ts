// One day file of lag history (format: store-format.ts): created with its header, appended to a
// round at a time, and read back by record. Opening an existing file scans its record frames (not
// their contents) into an index of rounds and dictionary records, and cuts off a last record torn by
// a crash, so the next round is appended after the last whole one. Reading one group reads each
// round's header and only the blocks it needs, by position.
import 'server-only';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { FileDictionary } from './file-dictionary';
import { readRoundHeader, type RoundHeader } from './round-decoder';
import { FORMAT_VERSION, RECORD_HEADER, RecordType, frame, type FileHeader } from './store-format';
import { ByteReader, ByteWriter } from './varint';

/** Largest span of consecutive round records read at once (see runBlocks). */
const SPAN_READ_MAX = 1 << 20;

export interface RoundEntry {
  at: number;
  keyframe: boolean;
  /** Where the record starts in the file, and its body's length (after the type byte). */
  offset: number;
  length: number;
}

/** Longest round header: time, flags and a varint length per bucket. */
const headerBytes = (buckets: number) => 12 + buckets * 5;

export class DayFile {
  readonly rounds: RoundEntry[] = [];
  private readonly dicts: { offset: number; length: number }[] = [];
  private size = 0;
  private reader: Promise<FileHandle> | null = null;
  private writer: FileHandle | null = null;

  private constructor(
    readonly path: string,
    readonly header: FileHeader,
  ) {}

  get bytes(): number {
    return this.size;
  }
  get buckets(): number {
    return this.header.groupBuckets + this.header.partitionBuckets;
  }
  get firstAt(): number | undefined {
    return this.rounds[0]?.at;
  }
  get lastAt(): number | undefined {
    return this.rounds.at(-1)?.at;
  }

  /** A new, empty file (an existing one at `path` is replaced). */
  static async create(path: string, header: FileHeader): Promise<DayFile> {
    const f = new DayFile(path, header);
    f.writer = await open(path, 'w');
    const w = new ByteWriter();
    w.uint(header.version);
    w.string(header.day);
    w.uint(header.resolutionMs);
    w.uint(header.groupBuckets);
    w.uint(header.partitionBuckets);
    const rec = frame(RecordType.header, w.view());
    await f.writer.write(rec);
    f.size = rec.length;
    return f;
  }

  /** An existing file, indexed; a torn last record is cut off. Null when it is not a lag-history file. */
  static async open(path: string, forWriting: boolean): Promise<DayFile | null> {
    const fh = await open(path, forWriting ? 'r+' : 'r');
    try {
      const total = (await fh.stat()).size;
      const first = await readRecord(fh, 0, total);
      if (!first || first.type !== RecordType.header) return null;
      const r = new ByteReader(first.body);
      const version = r.uint();
      if (version !== FORMAT_VERSION) return null;
      const header: FileHeader = { version, day: r.string(), resolutionMs: r.uint(), groupBuckets: r.uint(), partitionBuckets: r.uint() };
      const f = new DayFile(path, header);
      let pos = first.next;
      const probe = Buffer.allocUnsafe(RECORD_HEADER + 16);
      while (pos < total) {
        const { bytesRead } = await fh.read(probe, 0, probe.length, pos);
        if (bytesRead < RECORD_HEADER) break;
        const len = probe.readUInt32LE(0);
        const type = probe[8]!;
        const next = pos + 8 + len;
        if (len < 1 || next > total || (type !== RecordType.dict && type !== RecordType.round)) break;
        // Only the last record can be torn: its CRC is checked, the others' frames are trusted.
        if (next === total && !(await readRecord(fh, pos, total))) break;
        if (type === RecordType.dict) f.dicts.push({ offset: pos, length: len - 1 });
        else {
          const rr = new ByteReader(probe.subarray(RECORD_HEADER, bytesRead));
          const at = rr.uint();
          f.rounds.push({ at, keyframe: (rr.byte() & 1) !== 0, offset: pos, length: len - 1 });
        }
        pos = next;
      }
      if (pos < total && forWriting) await fh.truncate(pos);
      f.size = pos;
      if (forWriting) f.writer = fh;
      else await fh.close();
      return f;
    } catch (err) {
      await fh.close().catch(() => undefined);
      throw err;
    }
  }

  /** Appends a dictionary record (if any names are new) and a round. */
  async appendRound(at: number, keyframe: boolean, dict: Uint8Array | null, round: Uint8Array): Promise<void> {
    if (!this.writer) throw new Error('lag history: file not open for writing');
    const parts: Buffer[] = [];
    let pos = this.size;
    if (dict) {
      const rec = frame(RecordType.dict, dict);
      parts.push(rec);
      this.dicts.push({ offset: pos, length: dict.length });
      pos += rec.length;
    }
    const rec = frame(RecordType.round, round);
    parts.push(rec);
    await this.writer.writev(parts, this.size);
    this.rounds.push({ at, keyframe, offset: pos, length: round.length });
    this.size = pos + rec.length;
  }

  /** Stops writing (the day is over, or a write failed); the file stays readable. */
  async finishWriting(): Promise<void> {
    const w = this.writer;
    this.writer = null;
    await w?.close().catch(() => undefined);
  }

  /** Flushes the file to disk (after a rewrite, before it replaces the original). */
  async sync(): Promise<void> {
    await this.writer?.sync();
  }

  private handle(): Promise<FileHandle> {
    this.reader ??= open(this.path, 'r');
    return this.reader;
  }

  private async readAt(offset: number, length: number): Promise<Uint8Array> {
    const buf = Buffer.allocUnsafe(length);
    const fh = await this.handle();
    let done = 0;
    while (done < length) {
      const { bytesRead } = await fh.read(buf, done, length - done, offset + done);
      if (bytesRead === 0) throw new RangeError(`lag history: ${this.path} ends early`);
      done += bytesRead;
    }
    return buf;
  }

  async dictionary(): Promise<FileDictionary> {
    const d = new FileDictionary();
    for (const rec of this.dicts) d.read(await this.readAt(rec.offset + RECORD_HEADER, rec.length));
    return d;
  }

  /** The whole body of a round. */
  roundBody(e: RoundEntry): Promise<Uint8Array> {
    return this.readAt(e.offset + RECORD_HEADER, e.length);
  }

  /** A round's header and the blocks `wanted` (bucket numbers: group buckets first), read by position. */
  async roundBlocks(e: RoundEntry, wanted: readonly number[]): Promise<{ header: RoundHeader; blocks: Map<number, Uint8Array> }> {
    const head = await this.readAt(e.offset + RECORD_HEADER, Math.min(e.length, headerBytes(this.buckets)));
    const header = readRoundHeader(head, this.buckets);
    const blocks = new Map<number, Uint8Array>();
    await Promise.all(
      wanted.map(async (b) => {
        const len = header.lengths[b]!;
        blocks.set(b, len === 0 ? new Uint8Array(0) : await this.readAt(e.offset + RECORD_HEADER + header.offsets[b]!, len));
      }),
    );
    return { header, blocks };
  }

  /** roundBlocks() for a run of rounds. Rounds follow each other in the file, so when the run's
   * records span at most SPAN_READ_MAX bytes they are read with one read and sliced (a group's
   * history at a few hundred partitions: one read per 64 rounds instead of three per round). */
  async runBlocks(run: readonly RoundEntry[], wanted: readonly number[]): Promise<{ header: RoundHeader; blocks: Map<number, Uint8Array> }[]> {
    if (run.length === 0) return [];
    const from = run[0]!.offset;
    const last = run.at(-1)!;
    const to = last.offset + RECORD_HEADER + last.length;
    if (to - from > SPAN_READ_MAX) return Promise.all(run.map((e) => this.roundBlocks(e, wanted)));
    const span = await this.readAt(from, to - from);
    return run.map((e) => {
      const body = span.subarray(e.offset - from + RECORD_HEADER, e.offset - from + RECORD_HEADER + e.length);
      const header = readRoundHeader(body, this.buckets);
      const blocks = new Map<number, Uint8Array>();
      for (const b of wanted) blocks.set(b, body.subarray(header.offsets[b]!, header.offsets[b]! + header.lengths[b]!));
      return { header, blocks };
    });
  }

  async close(): Promise<void> {
    const r = this.reader;
    this.reader = null;
    await Promise.all([this.writer?.close(), r?.then((h) => h.close())].map((p) => p?.catch(() => undefined)));
    this.writer = null;
  }
}

/** One whole record at `pos`, CRC checked; null when torn or damaged. */
async function readRecord(fh: FileHandle, pos: number, total: number): Promise<{ type: number; body: Uint8Array; next: number } | null> {
  if (pos + RECORD_HEADER > total) return null;
  const head = Buffer.allocUnsafe(8);
  await fh.read(head, 0, 8, pos);
  const len = head.readUInt32LE(0);
  if (len < 1 || pos + 8 + len > total) return null;
  const rest = Buffer.allocUnsafe(len);
  await fh.read(rest, 0, len, pos + 8);
  if (crc32(rest) !== head.readUInt32LE(4)) return null;
  return { type: rest[0]!, body: rest.subarray(1), next: pos + 8 + len };
}

export async function fileSize(path: string): Promise<number> {
  return (await stat(path).catch(() => ({ size: 0 }))).size;
}
