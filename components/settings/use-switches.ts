'use client';
// Which mutations this server allows. The server refuses disabled actions with 403 anyway; the UI
// hides them so nobody is offered a button that cannot work. Until the switches are known, every
// mutation is hidden (never shown then snatched away after a click).
import { useQuery } from '@tanstack/react-query';
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
};

export function useSwitches() {
  const query = useQuery(settingsQuery());
  const switches = query.data?.switches;
  return { settings: query.data, error: query.error, refetch: query.refetch, can: (action: Action) => allowed(switches, action) };
}
