'use client';
// Not found inside a known cluster (a broker id that is not a number, say): back to that cluster's
// overview or to the list of clusters.
import Link from 'next/link';
import { useCluster } from '@/components/cluster/cluster-context';
import { clusterPath } from '@/components/cluster/cluster-path';

export default function NotFound() {
  const cluster = useCluster();
  const link = 'text-sm font-medium text-emerald-700 hover:underline dark:text-emerald-400';
  return (
    <div className="max-w-xl">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">There is nothing at this address in cluster {cluster}.</p>
      <p className="mt-4 flex gap-4">
        <Link prefetch={false} href={clusterPath(cluster)} className={link}>
          Back to the overview of {cluster}
        </Link>
        <Link prefetch={false} href="/" className={link}>
          Every cluster
        </Link>
      </p>
    </div>
  );
}
