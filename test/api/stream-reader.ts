// Reads a streamed answer (NDJSON or SSE) event by event, the way the browser does, for the tests
// of the long-running routes.
export interface EventReader<E> {
  events: E[];
  /** Resolves with the first event (seen or to come) that `pred` accepts; rejects after `ms`. */
  waitFor(pred: (e: E) => boolean, ms?: number): Promise<E>;
  /** Resolves when the stream ends. */
  ended: Promise<void>;
}

export function readEvents<E>(response: Response, framing: 'ndjson' | 'sse' = 'ndjson'): EventReader<E> {
  const events: E[] = [];
  const waiters: { pred: (e: E) => boolean; resolve: (e: E) => void }[] = [];
  const push = (e: E) => {
    events.push(e);
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (waiters[i]!.pred(e)) {
        waiters[i]!.resolve(e);
        waiters.splice(i, 1);
      }
    }
  };
  const ended = (async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    const sep = framing === 'sse' ? '\n\n' : '\n';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let at = buffer.indexOf(sep);
        while (at >= 0) {
          const chunk = buffer.slice(0, at);
          buffer = buffer.slice(at + sep.length);
          if (framing === 'sse') {
            const data = chunk.split('\n').find((l) => l.startsWith('data: '));
            if (data) push(JSON.parse(data.slice(6)) as E);
          } else if (chunk.trim()) push(JSON.parse(chunk) as E);
          at = buffer.indexOf(sep);
        }
      }
    } catch {
      // aborted by the test
    }
  })();
  return {
    events,
    ended,
    waitFor(pred, ms = 5_000) {
      const seen = events.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise<E>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching event within ${ms} ms; saw ${JSON.stringify(events.map((e) => (e as { type?: string }).type))}`)), ms);
        waiters.push({ pred, resolve: (e) => (clearTimeout(timer), resolve(e)) });
      });
    },
  };
}
