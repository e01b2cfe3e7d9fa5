'use client';
// The sidebar's cluster switcher: every configured cluster, the current one chosen. Choosing another
// keeps the user on the same kind of page there (see switchClusterPath).
import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter } from 'next/navigation';
import { controlLook } from '@/components/ui/field';
import { clusterListQuery } from '@/lib/api/queries/cluster';
import { switchClusterPath } from './cluster-switch';

export function ClusterSwitcher({ current }: { current: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const list = useQuery(clusterListQuery());
  const clusters = list.data?.clusters ?? [];
  // The current cluster is listed before the list has loaded too, so the switcher always shows it.
  const names = clusters.some((c) => c.name === current) ? clusters.map((c) => c.name) : [current, ...clusters.map((c) => c.name)];
  const note = (name: string) => {
    const card = clusters.find((c) => c.name === name);
    if (!card) return '';
    if (card.health.status === 'unreachable' || card.health.status === 'timeout') return ' (not answering)';
    return card.switches.readOnly ? ' (read-only)' : '';
  };
  return (
    <div className="mb-4 px-2">
      <label htmlFor="cluster-switcher" className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400">
        Cluster
      </label>
      <select
        id="cluster-switcher"
        value={current}
        onChange={(e) => router.push(switchClusterPath(pathname, e.target.value))}
        className={`${controlLook} w-full`}
      >
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
            {note(name)}
          </option>
        ))}
      </select>
    </div>
  );
}
