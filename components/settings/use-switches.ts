'use client';
// Which mutations the current cluster allows (the switches are per cluster: one may be read-only
// while another is not). The server refuses disabled actions with 403 anyway; the UI
// hides them so nobody is offered a button that cannot work. Until the switches are known, every
// mutation is hidden (never shown then snatched away after a click). The switches are also treated as
// unknown while the server-rendered HTML is being hydrated: the sidebar may already have fetched them
// by the time a later Suspense boundary (the message browser's) hydrates, and rendering a Produce
// button there that the server did not render is a hydration mismatch (React error 418).
// The user's permissions (GET /api/me) count too: an action shows only when the cluster's switches
// allow it and one of the user's roles grants it (on the named topic or group, when given).
import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { settingsQuery } from '@/lib/api/queries/cluster';
import { meQuery } from '@/lib/api/queries/me';
import { grants, type Action as Permission } from '@/lib/schemas/permissions';
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

/** The permission each switchable action needs. */
export const PERMISSION_OF: Record<Action, Permission> = {
  topicCreate: 'topic:create',
  topicDelete: 'topic:delete',
  messageSend: 'messages:produce',
  offsetReset: 'group:reset',
  recordsDelete: 'records:delete',
  groupDelete: 'group:delete',
  topicEdit: 'topic:edit-config',
  aclEdit: 'acl:edit',
  schemaEdit: 'schema:edit',
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
  const me = useQuery(meQuery()).data;
  const hydrated = useHydrated();
  const settings = hydrated ? query.data : undefined;
  const switches = settings?.switches;
  const permitted = (permission: Permission, name?: string) => hydrated && !!me && grants(me.grants, permission, cluster, name);
  return {
    settings,
    error: hydrated ? query.error : null,
    refetch: query.refetch,
    /** `name`: the topic or group acted on; absent, some name of the cluster. */
    can: (action: Action, name?: string) => allowed(switches, action) && permitted(PERMISSION_OF[action], name),
    permitted,
  };
}

/** The switches of the cluster the current page belongs to. */
export function useSwitches() {
  return useClusterSwitches(useCluster());
}
