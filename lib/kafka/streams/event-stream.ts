// A stream of JSON events for the long-running routes (tail, replay): one JSON object per line
// (NDJSON), or server-sent events. Work produces events through a sink that
// - waits while the reader is behind (`drained`), so a slow client slows the reading down instead
//   of piling events up in memory;
// - ends the work when the client goes away: the request's signal, or the body being cancelled
//   when the connection closes, both abort `signal`;
// - always closes the stream at the end, so whoever still reads sees its end.
import 'server-only';

export type Framing = 'ndjson' | 'sse';

export interface EventSink<E> {
  emit(event: E): void;
  /** Resolves when the reader has taken what was sent (or the stream ended). */
  drained(): Promise<void>;
  readonly signal: AbortSignal;
}

const DRAIN_POLL_MS = 10;

export interface TextSink {
  write(text: string): void;
  /** Resolves when the reader has taken what was sent (or the stream ended). */
  drained(): Promise<void>;
  readonly signal: AbortSignal;
}

/** A stream of text written by `work`, with the backpressure and the endings described above. */
export function textStream(clientSignal: AbortSignal, work: (sink: TextSink) => Promise<void>, cleanup: () => void, highWaterMark = 8): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const abort = new AbortController();
  if (clientSignal.aborted) abort.abort();
  else clientSignal.addEventListener('abort', () => abort.abort(), { once: true });
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const sink: TextSink = {
    signal: abort.signal,
    write(text) {
      if (!abort.signal.aborted) controller.enqueue(encoder.encode(text));
    },
    async drained() {
      while (!abort.signal.aborted && (controller.desiredSize ?? 1) <= 0) await new Promise((r) => setTimeout(r, DRAIN_POLL_MS));
    },
  };
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        void work(sink).finally(() => {
          cleanup();
          try {
            controller.close();
          } catch {
            // cancelled by the reader
          }
        });
      },
      cancel() {
        abort.abort();
      },
    },
    // A few chunks may wait for the reader; then the work waits (see drained()).
    new CountQueuingStrategy({ highWaterMark }),
  );
}

/** JSON events, one per line or as server-sent events. */
export function eventStream<E extends { type: string }>(framing: Framing, clientSignal: AbortSignal, work: (sink: EventSink<E>) => Promise<void>, cleanup: () => void): ReadableStream<Uint8Array> {
  const frame = (e: E) => (framing === 'sse' ? `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n` : JSON.stringify(e) + '\n');
  return textStream(clientSignal, (text) => work({ signal: text.signal, drained: () => text.drained(), emit: (e) => text.write(frame(e)) }), cleanup);
}
