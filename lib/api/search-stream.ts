// Reads the server-side search as it happens: the route streams one JSON event per line (NDJSON),
// read by the same reader as tail and replay. The query is typed by the route's own schema (its
// input side), so the two cannot disagree. A search beyond the cluster's long-work budget is refused
// with 429 and a problem saying how many are running; that arrives here as an ApiError like any other.
import { SearchEventSchema, type SearchEvent, type SearchRequest } from '@/lib/schemas/message';
import { clusterApi } from './cluster-url';
import { withQuery } from './fetch-json';
import { readNdjson } from './ndjson-stream';

export function streamSearch(cluster: string, topic: string, params: SearchRequest, onEvent: (event: SearchEvent) => void, signal: AbortSignal): Promise<void> {
  return readNdjson(withQuery(clusterApi(cluster, 'topics', topic, 'search'), { ...params }), SearchEventSchema, onEvent, signal);
}
