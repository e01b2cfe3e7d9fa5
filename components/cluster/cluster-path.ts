// Page addresses of a cluster, built and read in one place. Every segment is encoded (a topic named
// "a/b" or "50%" stays one segment); reading does the reverse and never throws on a malformed "%".
// A plain module, not a client one: server pages build their links with it too.

/** The sections of a cluster, as the first path segment after /clusters/{cluster}. */
export type ClusterSection = '' | 'topics' | 'groups' | 'brokers' | 'acls' | 'schemas';

/** `/clusters/{cluster}[/{section}[/{...rest}]]`, every segment encoded. */
export function clusterPath(cluster: string, section: ClusterSection = '', ...rest: (string | number)[]): string {
  const segments = ['clusters', cluster, ...(section ? [section, ...rest.map(String)] : [])];
  return `/${segments.map(encodeURIComponent).join('/')}`;
}

/** decodeURIComponent that leaves a malformed segment as it is instead of throwing. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export interface ClusterLocation {
  cluster: string;
  /** '' for the cluster's overview. */
  section: string;
  /** Decoded segments after the section (a topic name, 'messages', a group id...). */
  rest: string[];
}

/** Where a pathname points inside a cluster, or null outside every cluster (`/`, a 404...). */
export function parseClusterPath(pathname: string): ClusterLocation | null {
  const [first, cluster, section = '', ...rest] = pathname.split('/').filter(Boolean);
  if (first !== 'clusters' || cluster === undefined) return null;
  return { cluster: decodeSegment(cluster), section: decodeSegment(section), rest: rest.map(decodeSegment) };
}
