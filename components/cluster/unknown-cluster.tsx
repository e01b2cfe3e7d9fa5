'use client';
// What an address under /clusters/{name} shows when no cluster has that name: a clear sentence and
// the way back to the list of clusters. A client component only to read the name from the address
// (a not-found page is given no route parameters).
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { parseClusterPath } from './cluster-path';

export function UnknownCluster() {
  const name = parseClusterPath(usePathname())?.cluster;
  return (
    <div className="max-w-xl">
      <h1 className="text-xl font-semibold">Unknown cluster</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        {name ? <>This Kafscope has no cluster named “{name}”.</> : 'This Kafscope has no cluster at this address.'}
      </p>
      <Link prefetch={false} href="/" className="mt-4 inline-block text-sm font-medium text-emerald-700 hover:underline dark:text-emerald-400">
        See every cluster
      </Link>
    </div>
  );
}
