// The HTTP side of the streamed answers (search, tail, replay, export): the content types and the
// headers that keep proxies from buffering or caching a stream.
import 'server-only';

const NO_BUFFERING = { 'cache-control': 'no-store', 'x-accel-buffering': 'no' };

export type StreamFraming = 'ndjson' | 'sse';

/** SSE when asked for by the query or the Accept header, else NDJSON. */
export function framingOf(request: Request, asked: StreamFraming | undefined): StreamFraming {
  if (asked) return asked;
  return (request.headers.get('accept') ?? '').includes('text/event-stream') ? 'sse' : 'ndjson';
}

export function eventStreamResponse(stream: ReadableStream<Uint8Array>, framing: StreamFraming): Response {
  const type = framing === 'sse' ? 'text/event-stream; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
  return new Response(stream, { headers: { 'content-type': type, ...NO_BUFFERING } });
}

/** A file download, streamed. */
export function downloadResponse(stream: ReadableStream<Uint8Array>, contentType: string, filename: string): Response {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return new Response(stream, { headers: { 'content-type': contentType, 'content-disposition': `attachment; filename="${safe}"`, ...NO_BUFFERING } });
}
