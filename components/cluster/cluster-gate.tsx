'use client';
// Replaces a cluster page with "unknown cluster" when the server says no cluster has this name. The
// page itself is not held back: the check is the cluster's settings, which the sidebar asks for
// anyway and which the server answers from its configuration, without asking Kafka anything.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '@/lib/api/fetch-json';
import { settingsQuery } from '@/lib/api/queries/cluster';
import { useCluster } from './cluster-context';
import { UnknownCluster } from './unknown-cluster';

export function ClusterGate({ children }: { children: ReactNode }) {
  const settings = useQuery(settingsQuery(useCluster()));
  if (settings.error instanceof ApiError && settings.error.status === 404) return <UnknownCluster />;
  return <>{children}</>;
}
