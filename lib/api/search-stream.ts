// Reads the server-side search as it happens: the route streams one JSON event per line (NDJSON),
// and each line is validated before the page sees it. Aborting the signal closes the connection,
// which the server takes as "stop scanning".
// The query is typed by the route's own schema (its input side), so the two cannot disagree. A
// search beyond the cluster's long-work budget is refused with 429 and a problem saying how many
// are running; that arrives here as an ApiError like any other.
import { SearchEventSchema, type SearchEvent, type SearchRequest } from '@/lib/schemas/message';
import { clusterApi } from './cluster-url';
import { ApiError, parseResponse, withQuery } from './fetch-json';

export async function streamSearch(
  cluster: string,
  topic: string,
  params: SearchRequest,
  onEvent: (event: SearchEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  const url = withQuery(clusterApi(cluster, 'topics', topic, 'search'), { ...params });
  const res = await fetch(url, { signal, headers: { accept: 'application/x-ndjson' } });
  if (!res.ok || !res.body) {
    await parseResponse(res, SearchEventSchema); // throws the problem as an ApiError
    throw new ApiError({ type: 'about:blank', title: 'Search returned no stream', status: res.status });
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const emit = (line: string) => {
    if (!line.trim()) return;
    const parsed = SearchEventSchema.safeParse(JSON.parse(line));
    if (parsed.success) onEvent(parsed.data);
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      emit(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf('\n');
    }
  }
  emit(buffer);
}
