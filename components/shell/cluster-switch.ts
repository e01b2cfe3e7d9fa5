// Where the cluster switcher goes: the same kind of page in the other cluster. A list stays a list;
// a page about one thing (a topic, its messages, a group, a broker) becomes the list of its kind,
// since that thing need not exist in the other cluster. Anything else opens the overview.
import { clusterPath, parseClusterPath, type ClusterSection } from '@/components/cluster/cluster-path';

const KEPT_SECTIONS: Record<string, ClusterSection> = { topics: 'topics', groups: 'groups', brokers: 'brokers', acls: 'acls', schemas: 'schemas' };

export function switchClusterPath(pathname: string, to: string): string {
  const here = parseClusterPath(pathname);
  return clusterPath(to, (here && KEPT_SECTIONS[here.section]) ?? '');
}
