// The one place that knows where a cluster's JSON API lives. Every segment is encoded, so a topic
// or group id with "/", "?" or "%" in it reaches the server as the one path segment it is.
import { enc } from './fetch-json';

/** `/api/clusters/{cluster}/{...segments}`, e.g. clusterApi('prod', 'topics', 'a/b') -> /api/clusters/prod/topics/a%2Fb */
export function clusterApi(cluster: string, ...segments: (string | number)[]): string {
  return ['/api/clusters', enc(cluster), ...segments.map((s) => enc(String(s)))].join('/');
}
