// Backend on the real file system. Writes go through fs.writeSync at an explicit position on an fd
// kept open per file: once the call returns the bytes are in the page cache, which survives the
// process being killed; fsync (Blob.sync) is what survives the machine going down.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Backend, Blob } from './backend';

class FileBlob implements Blob {
  private fd: number;
  size: number;
  constructor(readonly file: string) {
    this.fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o644);
    this.size = fs.fstatSync(this.fd).size;
  }
  append(buf: Buffer): void {
    let done = 0;
    while (done < buf.length) done += fs.writeSync(this.fd, buf, done, buf.length - done, this.size + done);
    this.size += buf.length;
  }
  readAt(pos: number, len: number, alloc?: (n: number) => Buffer): Buffer {
    const n = Math.max(0, Math.min(len, this.size - pos));
    const out = alloc && n > 0 ? alloc(n) : Buffer.allocUnsafe(n);
    let done = 0;
    while (done < n) {
      const got = fs.readSync(this.fd, out, done, n - done, pos + done);
      if (got === 0) break;
      done += got;
    }
    return done === n ? out : out.subarray(0, done);
  }
  truncate(size: number): void {
    fs.ftruncateSync(this.fd, size);
    this.size = size;
  }
  sync(): void {
    fs.fsyncSync(this.fd);
  }
  syncInBackground(done: (err: Error | null) => void): void {
    // Closed meanwhile: close() has fsynced (the log syncs before closing) or the file is gone.
    if (this.fd < 0) return queueMicrotask(() => done(null));
    fs.fsync(this.fd, (err) => done(err));
  }
  close(): void {
    if (this.fd >= 0) fs.closeSync(this.fd);
    this.fd = -1;
  }
  mtimeMs(): number {
    return fs.fstatSync(this.fd).mtimeMs;
  }
}

export class FileBackend implements Backend {
  readonly persistent = true;
  mkdirp(dir: string): void {
    fs.mkdirSync(dir, { recursive: true });
  }
  list(dir: string): string[] {
    try {
      return fs.readdirSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
  }
  isDir(p: string): boolean {
    try {
      return fs.statSync(p).isDirectory();
    } catch {
      return false;
    }
  }
  exists(p: string): boolean {
    return fs.existsSync(p);
  }
  open(p: string): Blob {
    return new FileBlob(p);
  }
  remove(p: string): void {
    fs.rmSync(p, { force: true });
  }
  removeDir(dir: string): void {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  rename(from: string, to: string): void {
    fs.renameSync(from, to);
  }
  readText(p: string): string | null {
    try {
      return fs.readFileSync(p, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }
  writeTextAtomic(p: string, content: string): void {
    const tmp = `${p}.tmp`;
    const fd = fs.openSync(tmp, 'w', 0o644);
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, p);
    syncDir(path.dirname(p));
  }
}

function syncDir(dir: string): void {
  let fd = -1;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // some file systems refuse fsync on a directory; the rename is still atomic
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
}
