// A streamed read (search, tail, export) is recorded when its answer starts and again when it ends,
// so the audit trail says not only that someone opened a tail but how long it ran, how much it sent,
// and whether it ran to its end, was closed by the reader, or failed. This wraps the body, counting
// bytes as the client takes them, and reports once, whichever way the stream ends.
import 'server-only';

export interface StreamEnd {
  outcome: 'completed' | 'cancelled' | 'failed';
  bytes: number;
  ms: number;
  detail?: string;
}

/** `signal`: the request's; a stream that ends after it aborted was closed by its reader (a tail
 * ends itself when its request goes away). */
export function watchStreamEnd(body: ReadableStream<Uint8Array>, signal: AbortSignal, onEnd: (end: StreamEnd) => void): ReadableStream<Uint8Array> {
  const started = performance.now();
  const reader = body.getReader();
  let bytes = 0;
  let ended = false;
  const end = (outcome: StreamEnd['outcome'], detail?: string) => {
    if (ended) return;
    ended = true;
    onEnd({ outcome, bytes, ms: Math.round(performance.now() - started), ...(detail && { detail }) });
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (err) {
        end('failed', err instanceof Error ? err.message : String(err));
        controller.error(err);
        return;
      }
      if (chunk.done) {
        end(signal.aborted ? 'cancelled' : 'completed');
        controller.close();
        return;
      }
      bytes += chunk.value.byteLength;
      controller.enqueue(chunk.value);
    },
    async cancel(reason) {
      end('cancelled');
      await reader.cancel(reason);
    },
  });
}
