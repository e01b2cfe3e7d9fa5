// The console's sections, in sidebar order. Inside a cluster they link within that cluster; outside
// every cluster (the cluster list, a 404) the only place to go is the list itself. The sidebar and
// the tests both read this, so a section is added in one place.
import { clusterPath, type ClusterSection } from '@/components/cluster/cluster-path';

export interface NavItem {
  readonly href: string;
  readonly label: string;
  /** Active only on its own path, not below it (the overview, whose path prefixes every section). */
  readonly exact: boolean;
}

export const CLUSTER_SECTIONS: readonly { section: ClusterSection; label: string }[] = [
  { section: '', label: 'Overview' },
  { section: 'topics', label: 'Topics' },
  { section: 'groups', label: 'Consumer groups' },
  { section: 'brokers', label: 'Brokers' },
  { section: 'acls', label: 'ACLs' },
  { section: 'schemas', label: 'Schemas' },
];

export function navItems(cluster: string | null): NavItem[] {
  if (cluster === null) return [{ href: '/', label: 'Clusters', exact: true }];
  return CLUSTER_SECTIONS.map(({ section, label }) => ({ href: clusterPath(cluster, section), label, exact: section === '' }));
}

/** A section is active on its own path and on every path below it (an exact one only on itself). */
export function isActive(item: NavItem, pathname: string): boolean {
  if (item.exact) return pathname === item.href;
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}
