// The lag history of one cluster: day files on disk (format and the reasons for it in
// store-format.ts) and the recent window in memory (recent-window.ts). Each round is appended to
// today's file and added to the window, and every group's verdict is worked out again from the
// window (verdicts.ts), so /metrics and the API read verdicts without computing them. A range of one
// group is read from the files (history-query.ts). Whole day files past the retention (7 days by
// default) are deleted; full-resolution files older than the downsampling age (24 h) are rewritten
// at 5-minute resolution once (downsample.ts). On start the files are indexed and the window and
// the offset-to-time tables are rebuilt from them (keyframes of older days, the last rounds of the
// newest), so history, verdicts and lag in seconds survive a restart. Time comes from an injected
// clock, so retention and downsampling are tested without waiting days.
import 'server-only';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DayFile } from './day-file';
import { downsampleFile } from './downsample';
import { readGroupHistory, type HistoryRound } from './history-query';
import { RecentWindow, type WindowSeries } from './recent-window';
import type { FileDictionary } from './file-dictionary';
import { RoundDecoder } from './round-decoder';
import { RoundEncoder } from './round-encoder';
import { DAY_MS, DEFAULT_BUCKETS, FORMAT_VERSION, dayOf, dayStart, fileNameOf, parseFileName } from './store-format';
import { systemClock, type Clock, type RoundSample } from './types';
import { DEFAULT_WINDOW, groupVerdict, type GroupVerdict, type Verdict, type VerdictWindow } from './verdicts';

export interface LagStoreOptions {
  /** This cluster's directory (created when missing). */
  dir: string;
  clock?: Clock;
  /** Whole days older than this are deleted (default 7 days). */
  retentionMs?: number;
  /** Days older than this are rewritten at `downsampleMs` resolution (default 24 h). */
  downsampleAfterMs?: number;
  /** Resolution of downsampled days (default 5 minutes). */
  downsampleMs?: number;
  /** A keyframe at least this often (default 1 h; 6 h in downsampled days). */
  keyframeEveryMs?: number;
  downsampledKeyframeEveryMs?: number;
  /** Buckets of groups, and of partitions, per round (default 64 each). */
  buckets?: number;
  window?: VerdictWindow;
  log?: (line: string) => void;
}

type Settings = Required<Omit<LagStoreOptions, 'log'>> & { log: (line: string) => void };

const MAINTAIN_EVERY_MS = 3_600_000;
const DICTIONARIES_CACHED = 3;

interface Writing {
  file: DayFile;
  encoder: RoundEncoder;
  lastKeyframe: number;
}

export class LagStore {
  private files: DayFile[] = [];
  private writing: Writing | null = null;
  private readonly window: RecentWindow;
  private readonly verdicts = new Map<string, Verdict>();
  private chain: Promise<void> = Promise.resolve();
  private maintaining: Promise<void> | null = null;
  private lastMaintained = -Infinity;
  private lastAt: number | null = null;
  private readonly dictionaries = new Map<DayFile, Promise<FileDictionary>>();
  private closed = false;

  private constructor(private readonly s: Settings) {
    // One sample more than the verdict window: the one before it tells whether the window is complete.
    this.window = new RecentWindow(s.window.samples + 1);
  }

  static async open(options: LagStoreOptions): Promise<LagStore> {
    const s: Settings = {
      dir: options.dir,
      clock: options.clock ?? systemClock,
      retentionMs: options.retentionMs ?? 7 * DAY_MS,
      downsampleAfterMs: options.downsampleAfterMs ?? DAY_MS,
      downsampleMs: options.downsampleMs ?? 5 * 60_000,
      keyframeEveryMs: options.keyframeEveryMs ?? 3_600_000,
      downsampledKeyframeEveryMs: options.downsampledKeyframeEveryMs ?? 6 * 3_600_000,
      buckets: options.buckets ?? DEFAULT_BUCKETS,
      window: options.window ?? DEFAULT_WINDOW,
      log: options.log ?? (() => undefined),
    };
    const store = new LagStore(s);
    await store.load();
    return store;
  }

  get windowSettings(): VerdictWindow {
    return this.s.window;
  }

  /** The store's clock (the API measures its ranges back from it). */
  now(): number {
    return this.s.clock();
  }

  private async load(): Promise<void> {
    await mkdir(this.s.dir, { recursive: true });
    const names = await readdir(this.s.dir);
    const byDay = new Map<string, { full?: string; down?: string }>();
    for (const name of names) {
      if (name.endsWith('.tmp')) {
        await unlink(join(this.s.dir, name)).catch(() => undefined);
        continue;
      }
      const parsed = parseFileName(name);
      if (!parsed) continue;
      const e = byDay.get(parsed.day) ?? {};
      if (parsed.downsampled) e.down = name;
      else e.full = name;
      byDay.set(parsed.day, e);
    }
    const today = dayOf(this.s.clock());
    for (const day of [...byDay.keys()].sort()) {
      const e = byDay.get(day)!;
      // Both: the rewrite finished but the original was not deleted yet.
      if (e.down && e.full) await unlink(join(this.s.dir, e.full)).catch(() => undefined);
      const name = e.down ?? e.full!;
      const writable = !e.down && day === today;
      try {
        const f = await DayFile.open(join(this.s.dir, name), writable);
        if (!f) {
          this.s.log(`lag history: ${name} is not a lag-history file; left alone`);
          continue;
        }
        this.files.push(f);
        if (writable) this.writing = { file: f, encoder: new RoundEncoder(f.header.groupBuckets, f.header.partitionBuckets, await f.dictionary()), lastKeyframe: -Infinity };
      } catch (err) {
        this.s.log(`lag history: ${name} could not be read (${(err as Error).message}); left alone`);
      }
    }
    await this.replay();
    this.lastAt = this.files.at(-1)?.lastAt ?? null;
    this.judge();
    this.maintainSoon();
  }

  /** Rebuilds the window and the offset-to-time tables: keyframes of every file, the log ends of
   * the newest file from its last keyframe before the window, then the window's rounds in full. */
  private async replay(): Promise<void> {
    const newest = this.files.at(-1);
    for (const f of this.files) {
      if (f.rounds.length === 0) continue;
      const decoder = new RoundDecoder(await f.dictionary(), f.header.groupBuckets, f.header.partitionBuckets);
      let tail = f.rounds.length;
      let from = tail;
      if (f === newest) {
        tail = Math.max(0, f.rounds.length - this.window.size);
        from = tail;
        while (from > 0 && !f.rounds[from]!.keyframe) from--;
      }
      const learn = (at: number, topic: string, partition: number, logEnd: bigint) => this.window.learn(at, topic, partition, logEnd);
      for (let i = 0; i < f.rounds.length; i++) {
        const e = f.rounds[i]!;
        if (i < from) {
          // Keyframes stand alone: the rounds between them need not be read.
          if (e.keyframe) decoder.skip(await f.roundBody(e), learn);
        } else if (i < tail) decoder.skip(await f.roundBody(e), learn);
        else this.window.ingest(decoder.decode(await f.roundBody(e)));
      }
    }
  }

  /** Appends a round (in time order; an older one is refused), then judges every group again. */
  append(round: RoundSample): Promise<void> {
    return this.between(() => this.write(round));
  }

  private async write(round: RoundSample): Promise<void> {
    if (this.closed) throw new Error('lag history: the store is closed');
    if (this.lastAt !== null && round.at <= this.lastAt) throw new Error(`lag history: a round at ${new Date(round.at).toISOString()} is not after the last one`);
    const day = dayOf(round.at);
    if (!this.writing || this.writing.file.header.day !== day) await this.startDay(day);
    const w = this.writing!;
    const keyframe = round.at - w.lastKeyframe >= this.s.keyframeEveryMs;
    try {
      const body = w.encoder.encode(round, keyframe);
      await w.file.appendRound(round.at, keyframe, w.encoder.dict.takePending(), body);
    } catch (err) {
      // The encoder moved on without the file: reopen it (cutting a partial record), start with a keyframe.
      this.writing = null;
      await w.file.finishWriting();
      await this.reopen(w.file).catch(() => undefined);
      throw err;
    }
    if (keyframe) w.lastKeyframe = round.at;
    this.lastAt = round.at;
    this.window.ingest(round);
    this.judge();
    if (this.s.clock() - this.lastMaintained >= MAINTAIN_EVERY_MS) this.maintainSoon();
  }

  private async reopen(file: DayFile): Promise<void> {
    const again = await DayFile.open(file.path, true);
    if (!again) return;
    this.replaceFile(file, again);
    this.writing = { file: again, encoder: new RoundEncoder(again.header.groupBuckets, again.header.partitionBuckets, await again.dictionary()), lastKeyframe: -Infinity };
  }

  private async startDay(day: string): Promise<void> {
    if (this.writing) await this.writing.file.finishWriting();
    this.writing = null;
    const existing = this.files.find((f) => f.header.day === day);
    if (existing) {
      // Written to earlier (the clock had moved past it, or the process restarted): go on appending.
      if (existing.header.resolutionMs !== 0) throw new Error(`lag history: ${day} is already downsampled`);
      await existing.close();
      await this.reopen(existing);
      if (!this.writing) throw new Error(`lag history: ${existing.path} could not be reopened`);
      return;
    }
    const b = this.s.buckets;
    const file = await DayFile.create(join(this.s.dir, fileNameOf(day, false)), { version: FORMAT_VERSION, day, resolutionMs: 0, groupBuckets: b, partitionBuckets: b });
    this.files.push(file);
    this.files.sort((x, y) => (x.header.day < y.header.day ? -1 : 1));
    this.writing = { file, encoder: new RoundEncoder(b, b), lastKeyframe: -Infinity };
    // A new day: yesterday's may now be due for downsampling, the oldest for deletion.
    this.maintainSoon();
  }

  /** Runs `fn` between appends. */
  private between<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn);
    this.chain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private replaceFile(old: DayFile, next: DayFile | null): void {
    this.files = next ? this.files.map((f) => (f === old ? next : f)) : this.files.filter((f) => f !== old);
    this.dictionaries.delete(old);
  }

  /** Deletes days past the retention and downsamples days past the downsampling age, as of now
   * (after a pass already running, which may have started earlier). */
  maintain(): Promise<void> {
    const next = (this.maintaining ?? Promise.resolve()).catch(() => undefined).then(() => this.runMaintenance());
    this.maintaining = next;
    void next
      .finally(() => {
        if (this.maintaining === next) this.maintaining = null;
      })
      .catch(() => undefined);
    return next;
  }

  /** A pass in the background, unless one is under way. */
  private maintainSoon(): void {
    if (this.maintaining) return;
    this.maintain().catch((err: unknown) => this.s.log(`lag history: maintenance failed: ${(err as Error).message}`));
  }

  private async runMaintenance(): Promise<void> {
    const now = this.s.clock();
    this.lastMaintained = now;
    // A day still open for writing that is over (no round came since): close it, so it can be
    // downsampled and deleted like the others.
    await this.between(async () => {
      if (this.writing && this.writing.file.header.day < dayOf(now)) {
        await this.writing.file.finishWriting();
        this.writing = null;
      }
    });
    for (const f of [...this.files]) {
      if (f === this.writing?.file || this.closed) continue;
      const end = dayStart(f.header.day) + DAY_MS;
      if (end <= now - this.s.retentionMs) {
        this.replaceFile(f, null);
        await f.close();
        await unlink(f.path).catch(() => undefined);
        this.s.log(`lag history: deleted ${f.header.day} (older than the retention)`);
      } else if (f.header.resolutionMs === 0 && end <= now - this.s.downsampleAfterMs) {
        const started = performance.now();
        const down = await downsampleFile(f, this.s.dir, this.s.downsampleMs, this.s.downsampledKeyframeEveryMs);
        this.replaceFile(f, down);
        this.s.log(`lag history: ${f.header.day} downsampled to ${this.s.downsampleMs / 1000} s in ${Math.round(performance.now() - started)} ms`);
      }
    }
  }

  private judge(): void {
    this.verdicts.clear();
    for (const g of this.window.groupNames()) {
      if (!this.window.inLatest(g)) continue;
      const v = groupVerdict(this.window.seriesOf(g), this.window.membersOf(g), this.s.window);
      this.verdicts.set(g, { status: v.status, reason: v.reason });
    }
  }

  /** Time of the newest round, or null before the first. */
  get latestAt(): number | null {
    return this.window.latestAt;
  }

  /** The group's verdict after the latest round (undefined when the group was not in it). */
  statusOf(group: string): Verdict | undefined {
    return this.verdicts.get(group);
  }

  /** Every group of the latest round with its verdict. */
  statuses(): ReadonlyMap<string, Verdict> {
    return this.verdicts;
  }

  /** The group's verdict with each partition's. */
  verdictOf(group: string): GroupVerdict {
    return groupVerdict(this.window.seriesOf(group), this.window.membersOf(group), this.s.window);
  }

  /** The group's recent samples, per partition (for rates over the window). */
  recentSeries(group: string): WindowSeries[] {
    return this.window.seriesOf(group);
  }

  membersOf(group: string): number | null {
    return this.window.membersOf(group);
  }

  latestCommits(group: string) {
    return this.window.latestCommits(group);
  }

  latestPartitions() {
    return this.window.latestPartitions();
  }

  /** Seconds from the record at `committed` to the newest record of partition index `p`; null when not known. */
  lagSeconds(p: number, committed: bigint, logEnd: bigint): number | null {
    return this.window.lagSeconds(p, committed, logEnd);
  }

  private dictionaryOf(f: DayFile): Promise<FileDictionary> {
    if (f === this.writing?.file) return Promise.resolve(this.writing.encoder.dict);
    let d = this.dictionaries.get(f);
    if (!d) {
      d = f.dictionary();
      d.catch(() => this.dictionaries.delete(f));
      this.dictionaries.set(f, d);
      while (this.dictionaries.size > DICTIONARIES_CACHED) this.dictionaries.delete(this.dictionaries.keys().next().value!);
    }
    return d;
  }

  /** The group's rounds from `fromMs` to `toMs`, at most `maxPoints` of them. */
  async history(group: string, fromMs: number, toMs: number, maxPoints: number): Promise<HistoryRound[]> {
    try {
      return await readGroupHistory(this.files, (f) => this.dictionaryOf(f), group, fromMs, toMs, maxPoints);
    } catch {
      // A file was downsampled or deleted while being read: once more, with the files as they are now.
      return readGroupHistory(this.files, (f) => this.dictionaryOf(f), group, fromMs, toMs, maxPoints);
    }
  }

  /** Bytes on disk, and the day files. */
  disk(): { bytes: number; files: { day: string; resolutionMs: number; bytes: number; rounds: number }[] } {
    const files = this.files.map((f) => ({ day: f.header.day, resolutionMs: f.header.resolutionMs, bytes: f.bytes, rounds: f.rounds.length }));
    return { bytes: files.reduce((n, f) => n + f.bytes, 0), files };
  }

  /** Bytes of the window's typed arrays. */
  get memoryBytes(): number {
    return this.window.bytes;
  }

  async close(): Promise<void> {
    await this.chain;
    await this.maintaining?.catch(() => undefined);
    this.closed = true;
    await Promise.all(this.files.map((f) => f.close()));
    this.writing = null;
  }
}
