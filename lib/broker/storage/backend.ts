// Where segment and index bytes live. The log logic is written once against this interface and
// runs on real files or in memory, so in-memory mode behaves exactly like the durable one
// (including recovery when a store is reopened on the same memory backend).

export interface Blob {
  readonly size: number;
  /** Appends at the end. */
  append(buf: Buffer): void;
  /** Up to `len` bytes from `pos` (fewer at the end). The result must not be modified. When the
   * bytes must be copied, `alloc` (if given) provides the buffer to copy them into. */
  readAt(pos: number, len: number, alloc?: (n: number) => Buffer): Buffer;
  truncate(size: number): void;
  sync(): void;
  /** fsync off the event loop (libuv's thread pool); `done` gets any error. Safe to race close(). */
  syncInBackground(done: (err: Error | null) => void): void;
  close(): void;
  /** Last modification time (ms since epoch). */
  mtimeMs(): number;
}

export interface Backend {
  readonly persistent: boolean;
  mkdirp(dir: string): void;
  /** Entry names in `dir`; empty when it does not exist. */
  list(dir: string): string[];
  isDir(path: string): boolean;
  exists(path: string): boolean;
  /** Opens a file for reading and appending, creating it when missing. */
  open(path: string): Blob;
  remove(path: string): void;
  removeDir(dir: string): void;
  rename(from: string, to: string): void;
  readText(path: string): string | null;
  /** Temp file + fsync + rename. */
  writeTextAtomic(path: string, content: string): void;
}
