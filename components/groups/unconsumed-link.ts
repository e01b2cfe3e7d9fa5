// Where a group's unconsumed records of one partition are: the message browser on that partition,
// reading forward from the committed offset (or from the log start when retention has already
// removed the committed position). The parameters are the browser's own (browse-params.ts).
import { clusterPath } from '@/components/cluster/cluster-path';
import type { BrowseUrl } from '@/components/messages/browse-params';
import { withQuery } from '@/lib/api/fetch-json';
import type { GroupOffset } from '@/lib/schemas/group';

/** The link, or null when the group has committed nothing on the partition. */
export function unconsumedHref(cluster: string, row: Pick<GroupOffset, 'topic' | 'partition' | 'committed' | 'logStart'>): string | null {
  if (row.committed === null) return null;
  const start = BigInt(row.logStart) > BigInt(row.committed) ? row.logStart : row.committed;
  const params: Pick<BrowseUrl, 'partition' | 'from' | 'offset' | 'order'> = { partition: row.partition, from: 'offset', offset: start, order: 'asc' };
  return withQuery(clusterPath(cluster, 'topics', row.topic, 'messages'), params);
}
