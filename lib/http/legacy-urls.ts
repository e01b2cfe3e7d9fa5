// Links that must keep working after the console became multi-cluster: today's single-cluster URLs
// (bookmarks of /topics/x, scripts calling /api/topics/x) go to the default cluster, and Kafdrop's page
// URLs go to their Kafscope pages, so a team moving from Kafdrop keeps its links. With exactly one
// cluster, `/` goes straight to it. A pure function of the path, the query and the configuration, so
// the table is tested without a server; proxy.ts applies it.
import 'server-only';

export interface RoutingFacts {
  defaultCluster: string;
  clusterCount: number;
}

const seg = encodeURIComponent;

/** Kafdrop's message-page query (partition, offset, count) in the message browser's terms. */
function fromKafdropMessages(query: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  const partition = query.get('partition');
  const offset = query.get('offset');
  const count = query.get('count');
  if (partition && /^\d+$/.test(partition)) out.set('partition', partition);
  if (offset && /^\d+$/.test(offset)) {
    out.set('from', 'offset');
    out.set('offset', offset);
    out.set('order', 'asc');
  }
  if (count && /^\d+$/.test(count)) out.set('limit', String(Math.min(Number(count), 1000)));
  return out;
}

const withQuery = (path: string, query: URLSearchParams) => {
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
};

/**
 * Where an old URL now lives, or null when it is not an old URL. `pathname` is as the browser sent
 * it (still percent-encoded); segments are passed through as they are.
 */
export function legacyRedirect(pathname: string, query: URLSearchParams, facts: RoutingFacts): string | null {
  const c = `/clusters/${seg(facts.defaultCluster)}`;
  const api = `/api/clusters/${seg(facts.defaultCluster)}`;
  const parts = pathname.split('/').filter((p) => p !== '');
  const [first, second, third, ...rest] = parts;

  if (parts.length === 0) return facts.clusterCount === 1 ? c : null;

  // Today's JSON API, per cluster now.
  if (first === 'api') {
    if (second === 'cluster' && parts.length === 2) return withQuery(`${api}/overview`, query);
    if (second === 'settings' && parts.length === 2) return withQuery(`${api}/settings`, query);
    if (second === 'topics' || second === 'groups' || second === 'brokers') return withQuery(`${api}/${parts.slice(1).join('/')}`, query);
    return null;
  }

  // Today's pages.
  if (first === 'topics' || first === 'groups' || first === 'brokers') return withQuery(`${c}/${parts.join('/')}`, query);

  // Kafdrop's pages.
  if (first === 'topic') {
    if (second === undefined) return `${c}/topics`;
    if (second === 'create' && third === undefined) return `${c}/topics/new`;
    if (third === undefined) return `${c}/topics/${second}`;
    if (rest.length === 0 && third === 'messages') return withQuery(`${c}/topics/${second}/messages`, fromKafdropMessages(query));
    if (rest.length === 0 && (third === 'allmessages' || third === 'search-messages')) {
      const q = new URLSearchParams({ from: 'earliest', order: 'asc' });
      const count = query.get('count');
      if (count && /^\d+$/.test(count)) q.set('limit', String(Math.min(Number(count), 1000)));
      return withQuery(`${c}/topics/${second}/messages`, q);
    }
    return null;
  }
  if (first === 'consumer' && second !== undefined && third === undefined) return `${c}/groups/${second}`;
  if (first === 'broker') {
    if (second === undefined) return `${c}/brokers`;
    if (third === undefined) return `${c}/brokers/${second}`;
  }
  if (first === 'acl' && second === undefined) return c;
  return null;
}
