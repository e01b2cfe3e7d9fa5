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
//
// Limits (Kafka's names): a frame larger than socket.request.max.bytes closes the connection, and so
// does one larger than sasl.server.max.receive.size while SASL is required and not yet done; the
// frame reader takes the memory of unfinished frames from a budget shared by every connection, and a
// connection whose frame would exceed it is closed. connections.max.idle.ms: a connection that has
// sent no request for that long, and is not waiting for a response (a long-poll Fetch), is closed.
// Closing frees an unfinished frame's memory at once (see frame-reader.ts).
import type { Socket } from 'node:net';
import type { BufferBudget } from './buffer-budget';
import { FrameReader, type FrameProblem } from './frame-reader';

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
  /** socket.request.max.bytes: the largest frame accepted. */
  maxFrameBytes: number;
  log: (line: string) => void;
  /** sasl.server.max.receive.size: the largest frame accepted before SASL authentication (with
   * requireAuth). Default 524288, as Kafka. */
  saslMaxReceiveBytes?: number;
  /** Shared by every connection of the broker: memory for frames still arriving. */
  budget?: BufferBudget;
  /** connections.max.idle.ms; <= 0 or absent = never closed for idleness. */
  idleTimeoutMs?: number;
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

const DEFAULT_SASL_MAX_RECEIVE_BYTES = 524288;

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
  /** Date.now() of the last request received or response written. */
  private lastActive = Date.now();
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly socket: Socket,
    readonly nodeId: number,
    private readonly dispatch: Dispatcher,
    private readonly opts: ConnectionOptions,
  ) {
    this.remote = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    this.authenticated = !opts.requireAuth;
    this.reader = new FrameReader(
      {
        maxFrameBytes: () => this.frameLimit(),
        frame: (frame) => this.handleFrame(frame),
        fail: (problem) => this.close(this.describeProblem(problem)),
      },
      { budget: opts.budget, freeChunks: true },
    );
    this.highWater = opts.writeHighWaterBytes ?? 8 * 1024 * 1024;
    this.maxPending = opts.maxPendingRequests ?? 512;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => this.maybeResume());
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
    if (opts.idleTimeoutMs && opts.idleTimeoutMs > 0) this.armIdleTimer(opts.idleTimeoutMs);
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
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.reader.dispose();
    this.aborter.abort();
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    this.reader.push(chunk);
    if (!this.closed && this.slots.length - this.head >= this.maxPending) this.pause();
  }

  private frameLimit(): number {
    if (this.authenticated) return this.opts.maxFrameBytes;
    return Math.min(this.opts.maxFrameBytes, this.opts.saslMaxReceiveBytes ?? DEFAULT_SASL_MAX_RECEIVE_BYTES);
  }

  private describeProblem(p: FrameProblem): string {
    if (p.kind === 'size') {
      const which = this.authenticated ? 'socket.request.max.bytes' : 'sasl.server.max.receive.size before SASL authentication';
      return `frame size ${p.size} outside 0..${p.max} (${which})`;
    }
    return (
      `unfinished frames would hold more than ${p.budget.maxBytes} bytes across all connections ` +
      `(${p.budget.usedBytes} held; this frame: ${p.received} of ${p.frameSize} bytes received)`
    );
  }

  /** One timer per connection, re-armed lazily: activity only moves `lastActive`. */
  private armIdleTimer(idleMs: number, delay = idleMs): void {
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.closed) return;
      const now = Date.now();
      if (this.slots.length > this.head || this.socket.writableLength > 0) this.lastActive = now;
      const idle = now - this.lastActive;
      if (idle >= idleMs) this.close(`idle for ${idle} ms (connections.max.idle.ms ${idleMs})`);
      else this.armIdleTimer(idleMs, idleMs - idle);
    }, delay);
    this.idleTimer.unref();
  }

  private handleFrame(frame: Buffer): void {
    if (this.closed) return;
    this.lastActive = Date.now();
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
      this.lastActive = Date.now();
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
