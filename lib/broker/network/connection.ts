// One client connection: frames in, responses out, strictly in request order. Requests are handed
// to the dispatcher as they arrive (so pipelined produces append in order), but a handler may answer
// later (a long-poll Fetch, a JoinGroup waiting for its rebalance); each request therefore takes a
// slot in a queue and responses leave only from the head. A request that gets no response (acks=0
// Produce) fills its slot with nothing so it never blocks the ones behind it. A frame that is too
// large or cannot be handled closes this connection only, with one log line.
//
// A response is a list of chunks that leave with one writev, so large stored blobs (Fetch records)
// go from where they were read straight to the socket instead of being copied into one frame first;
// a response may carry a callback that runs once the socket has written all of it, which is when
// the memory those chunks point into may be reused.
import type { Socket } from 'node:net';
import { FrameReader } from './frame-reader';

/** What a dispatcher may know and record about the connection a request came on. */
export interface ConnectionInfo {
  readonly id: number;
  readonly nodeId: number;
  readonly remote: string;
  /** Aborted when the connection closes, so waiting handlers can give up early. */
  readonly signal: AbortSignal;
  /** SASL: false until the peer authenticates when the broker requires it. */
  authenticated: boolean;
  /** The authenticated user, if any. */
  principal: string | null;
  /** Per-connection state a handler family may keep (e.g. the SASL handshake's mechanism). */
  readonly attributes: Map<string, unknown>;
}

/** One whole response frame (size prefix included), as chunks written in order. */
export interface ResponseFrame {
  readonly chunks: readonly Buffer[];
  /** Runs once the socket has written every chunk, so the memory they point into may be reused;
   * never if the connection closes first (that memory is then left to the garbage collector). */
  readonly onWritten?: () => void;
}

/**
 * Turns one request frame (without its size prefix) into the response frame, or null for no
 * response. Throwing (or rejecting) closes the connection: it is for frames that cannot be parsed and
 * requests that are impossible to answer, never for Kafka errors, which are values in responses.
 */
export type Dispatcher = (frame: Buffer, conn: ConnectionInfo) => ResponseFrame | null | Promise<ResponseFrame | null>;

export interface ConnectionOptions {
  maxFrameBytes: number;
  log: (line: string) => void;
  /** Stop reading while this many response bytes wait in the socket. */
  writeHighWaterBytes?: number;
  /** Stop reading while this many requests wait for their responses. */
  maxPendingRequests?: number;
  /** SASL is required: connections start unauthenticated. */
  requireAuth?: boolean;
}

interface Slot {
  done: boolean;
  out: ResponseFrame | null;
}

let nextConnectionId = 1;

export class Connection implements ConnectionInfo {
  readonly id = nextConnectionId++;
  readonly remote: string;
  readonly attributes = new Map<string, unknown>();
  authenticated: boolean;
  principal: string | null = null;
  private readonly aborter = new AbortController();
  private readonly reader: FrameReader;
  private readonly slots: Slot[] = [];
  private head = 0;
  private paused = false;
  private closed = false;
  private readonly highWater: number;
  private readonly maxPending: number;

  constructor(
    private readonly socket: Socket,
    readonly nodeId: number,
    private readonly dispatch: Dispatcher,
    private readonly opts: ConnectionOptions,
  ) {
    this.remote = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    this.authenticated = !opts.requireAuth;
    this.reader = new FrameReader(opts.maxFrameBytes);
    this.highWater = opts.writeHighWaterBytes ?? 8 * 1024 * 1024;
    this.maxPending = opts.maxPendingRequests ?? 512;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => this.maybeResume());
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
  }

  get signal(): AbortSignal {
    return this.aborter.signal;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Closes the connection (idempotent); pending responses are dropped. */
  close(reason?: string): void {
    if (this.closed) return;
    this.closed = true;
    if (reason) this.opts.log(`connection ${this.remote} (node ${this.nodeId}) closed: ${reason}`);
    this.aborter.abort();
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    for (const r of this.reader.push(chunk)) {
      if (this.closed) return;
      if (r.kind === 'too-large') {
        this.close(`frame size ${r.size} outside 0..${this.opts.maxFrameBytes}`);
        return;
      }
      this.handleFrame(r.frame);
    }
    if (!this.closed && this.slots.length - this.head >= this.maxPending) this.pause();
  }

  private handleFrame(frame: Buffer): void {
    const slot: Slot = { done: false, out: null };
    this.slots.push(slot);
    let result: ReturnType<Dispatcher>;
    try {
      result = this.dispatch(frame, this);
    } catch (err) {
      this.close(describe(err));
      return;
    }
    if (result instanceof Promise) {
      result.then(
        (out) => this.complete(slot, out),
        (err: unknown) => this.close(describe(err)),
      );
    } else {
      this.complete(slot, result);
    }
  }

  private complete(slot: Slot, out: ResponseFrame | null): void {
    slot.done = true;
    slot.out = out;
    if (this.closed) return;
    if (this.slots[this.head] !== slot) return;
    let corked = false;
    while (this.head < this.slots.length) {
      const s = this.slots[this.head]!;
      if (!s.done) break;
      this.head++;
      if (s.out) {
        if (!corked) {
          this.socket.cork();
          corked = true;
        }
        // Writes complete in order, so the last chunk's callback means the whole response is out.
        const { chunks, onWritten } = s.out;
        const last = chunks.length - 1;
        chunks.forEach((chunk, i) => this.socket.write(chunk, i === last && onWritten ? (err) => err || onWritten() : undefined));
        s.out = null;
      }
    }
    if (corked) this.socket.uncork();
    if (this.head > 64 && this.head * 2 > this.slots.length) {
      this.slots.splice(0, this.head);
      this.head = 0;
    }
    if (this.socket.writableLength > this.highWater) this.pause();
    else this.maybeResume();
  }

  private pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.socket.pause();
  }

  private maybeResume(): void {
    if (!this.paused || this.closed) return;
    if (this.socket.writableLength > this.highWater) return;
    if (this.slots.length - this.head >= this.maxPending) return;
    this.paused = false;
    this.socket.resume();
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}
