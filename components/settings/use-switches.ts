'use client';
// Which mutations the current cluster allows (the switches are per cluster: one may be read-only
// while another is not). The server refuses disabled actions with 403 anyway; the UI
// hides them so nobody is offered a button that cannot work. Until the switches are known, every
// mutation is hidden (never shown then snatched away after a click). The switches are also treated as
// unknown while the server-rendered HTML is being hydrated: the sidebar may already have fetched them
// by the time a later Suspense boundary (the message browser's) hydrates, and rendering a Produce
// button there that the server did not render is a hydration mismatch (React error 418).
import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { settingsQuery } from '@/lib/api/queries/cluster';
import type { FeatureSwitches } from '@/lib/schemas/settings';

export type Action = Exclude<keyof FeatureSwitches, 'readOnly'> | 'topicEdit';

export function allowed(switches: FeatureSwitches | undefined, action: Action): boolean {
  if (!switches || switches.readOnly) return false;
  if (action === 'topicEdit') return true;
  return switches[action];
}

export const ACTION_LABELS: Record<Exclude<Action, 'topicEdit'>, string> = {
  topicCreate: 'create topics',
  topicDelete: 'delete topics',
  messageSend: 'produce messages',
  offsetReset: 'reset offsets',
  recordsDelete: 'purge records',
  groupDelete: 'delete groups',
  aclEdit: 'edit ACLs',
  schemaEdit: 'edit schemas',
};

const noSubscription = () => () => {};

/** False while hydrating server HTML, true afterwards and on every client-side render. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** The switches of `cluster`, for components outside a cluster's pages (the sidebar). */
export function useClusterSwitches(cluster: string) {
  const query = useQuery(settingsQuery(cluster));
  const hydrated = useHydrated();
  const settings = hydrated ? query.data : undefined;
  const switches = settings?.switches;
  return { settings, error: hydrated ? query.error : null, refetch: query.refetch, can: (action: Action) => allowed(switches, action) };
}

/** The switches of the cluster the current page belongs to. */
export function useSwitches() {
  return useClusterSwitches(useCluster());
}
