// In-memory Backend: files are lists of appended chunks, so appends copy each batch once and reads
// within one stored batch come back without copying.

import * as path from 'node:path';
import type { Backend, Blob } from './backend';

class MemFile {
  chunks: Buffer[] = [];
  starts: number[] = [];
  size = 0;
  mtime = Date.now();
}

class MemBlob implements Blob {
  constructor(private readonly f: MemFile) {}
  get size(): number {
    return this.f.size;
  }
  append(buf: Buffer): void {
    if (buf.length === 0) return;
    this.f.chunks.push(Buffer.from(buf));
    this.f.starts.push(this.f.size);
    this.f.size += buf.length;
    this.f.mtime = Date.now();
  }
  readAt(pos: number, len: number, alloc?: (n: number) => Buffer): Buffer {
    const { chunks, starts } = this.f;
    const end = Math.min(this.f.size, pos + len);
    if (pos >= end) return Buffer.alloc(0);
    let i = chunkAt(starts, pos);
    const first = chunks[i]!;
    const off = pos - starts[i]!;
    if (off + (end - pos) <= first.length) return first.subarray(off, off + (end - pos));
    const out = alloc ? alloc(end - pos) : Buffer.allocUnsafe(end - pos);
    let done = 0;
    for (let from = off; done < out.length; i++, from = 0) {
      const c = chunks[i]!;
      done += c.copy(out, done, from, Math.min(c.length, from + out.length - done));
    }
    return out;
  }
  truncate(size: number): void {
    const f = this.f;
    if (size >= f.size) return;
    if (size === 0) {
      f.chunks = [];
      f.starts = [];
    } else {
      const i = chunkAt(f.starts, size - 1);
      f.chunks.length = i + 1;
      f.starts.length = i + 1;
      f.chunks[i] = f.chunks[i]!.subarray(0, size - f.starts[i]!);
    }
    f.size = size;
    f.mtime = Date.now();
  }
  sync(): void {}
  syncInBackground(done: (err: Error | null) => void): void {
    queueMicrotask(() => done(null));
  }
  close(): void {}
  mtimeMs(): number {
    return this.f.mtime;
  }
}

/** Index of the chunk holding byte `pos` (binary search over chunk starts). */
function chunkAt(starts: number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export class MemoryBackend implements Backend {
  readonly persistent = false;
  private files = new Map<string, MemFile>();
  private dirs = new Set<string>();
  /** Entry names per directory, so listing one costs its own size, not the whole tree's. */
  private children = new Map<string, Set<string>>();

  mkdirp(dir: string): void {
    for (let d = path.resolve(dir); !this.dirs.has(d); d = path.dirname(d)) {
      this.dirs.add(d);
      if (d === path.dirname(d)) break;
      this.link(d);
    }
  }
  list(dir: string): string[] {
    return [...(this.children.get(path.resolve(dir)) ?? [])];
  }
  isDir(p: string): boolean {
    return this.dirs.has(path.resolve(p));
  }
  exists(p: string): boolean {
    const r = path.resolve(p);
    return this.files.has(r) || this.dirs.has(r);
  }
  open(p: string): Blob {
    const r = path.resolve(p);
    let f = this.files.get(r);
    if (!f) {
      f = new MemFile();
      this.put(r, f);
    }
    return new MemBlob(f);
  }
  remove(p: string): void {
    const r = path.resolve(p);
    if (this.files.delete(r)) this.unlink(r);
  }
  removeDir(dir: string): void {
    const d = path.resolve(dir);
    if (!this.dirs.has(d)) return;
    for (const name of this.list(d)) {
      const child = path.join(d, name);
      if (this.dirs.has(child)) this.removeDir(child);
      else this.files.delete(child);
    }
    this.dirs.delete(d);
    this.children.delete(d);
    this.unlink(d);
  }
  rename(from: string, to: string): void {
    const f = this.files.get(path.resolve(from));
    if (!f) throw new Error(`no such file: ${from}`);
    this.remove(from);
    this.put(path.resolve(to), f);
  }
  readText(p: string): string | null {
    const f = this.files.get(path.resolve(p));
    return f ? new MemBlob(f).readAt(0, f.size).toString('utf8') : null;
  }
  writeTextAtomic(p: string, content: string): void {
    const f = new MemFile();
    new MemBlob(f).append(Buffer.from(content, 'utf8'));
    this.put(path.resolve(p), f);
  }

  private put(resolved: string, f: MemFile): void {
    this.mkdirp(path.dirname(resolved));
    this.files.set(resolved, f);
    this.link(resolved);
  }
  private link(resolved: string): void {
    const parent = path.dirname(resolved);
    let names = this.children.get(parent);
    if (!names) {
      names = new Set();
      this.children.set(parent, names);
    }
    names.add(path.basename(resolved));
  }
  private unlink(resolved: string): void {
    this.children.get(path.dirname(resolved))?.delete(path.basename(resolved));
  }
}
