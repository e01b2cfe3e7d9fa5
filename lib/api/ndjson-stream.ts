// Reads a streamed NDJSON answer line by line (search, tail, replay, export progress), each line validated by
// the route's own event schema before the page sees it. A refusal before the stream (a 400 for a
// wrong filter, a 429 when too many tails run) arrives as an ApiError like any other; aborting the
// signal closes the connection, which the server takes as "stop".
import type { z } from 'zod/mini';
import { withBasePath } from '@/lib/common/base-path';
import { ApiError, parseResponse } from './fetch-json';

/** Longest the page's thread spends reading events before it yields. */
const SLICE_MS = 8;

export async function readNdjson<S extends z.ZodMiniType>(url: string, schema: S, onEvent: (event: z.infer<S>) => void, signal: AbortSignal, init: RequestInit = {}): Promise<void> {
  const res = await fetch(withBasePath(url), { ...init, signal, headers: { accept: 'application/x-ndjson', ...init.headers } });
  if (!res.ok || !res.body) {
    await parseResponse(res, schema); // throws the problem as an ApiError
    throw new ApiError({ type: 'about:blank', title: 'The server returned no stream', status: res.status });
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const emit = (line: string) => {
    if (!line.trim()) return;
    const parsed = schema.safeParse(JSON.parse(line));
    if (parsed.success) onEvent(parsed.data);
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let nl = buffer.indexOf('\n');
    let sliceStart = performance.now();
    while (nl >= 0) {
      emit(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf('\n');
      // A burst is read in short steps, so the page keeps painting and answering clicks.
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((r) => setTimeout(r, 0));
        if (signal.aborted) return;
        sliceStart = performance.now();
      }
    }
  }
  emit(buffer);
}
