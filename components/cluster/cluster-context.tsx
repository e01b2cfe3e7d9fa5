'use client';
// The cluster the current page belongs to, handed down by app/clusters/[cluster]/layout.tsx. Client
// components read it with useCluster() to build their queries and links, so no page can show one
// cluster's data under another's name.
import { createContext, useContext, type ReactNode } from 'react';

const ClusterContext = createContext<string | null>(null);

export function ClusterProvider({ cluster, children }: { cluster: string; children: ReactNode }) {
  return <ClusterContext.Provider value={cluster}>{children}</ClusterContext.Provider>;
}

/** The current cluster's name. Only valid under /clusters/{cluster}; anywhere else it is a bug. */
export function useCluster(): string {
  const cluster = useContext(ClusterContext);
  if (cluster === null) throw new Error('useCluster() was called outside a cluster page (no ClusterProvider above it)');
  return cluster;
}
