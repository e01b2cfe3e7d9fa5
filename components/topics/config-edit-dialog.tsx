'use client';
// Change one topic config, or remove the override so the broker default applies again.
import { useCluster } from '@/components/cluster/cluster-context';
import { ConfigValueDialog } from '@/components/configs/config-value-dialog';
import { useUpdateTopicConfigs } from '@/lib/api/mutations/topics';
import type { ConfigEntry } from '@/lib/schemas/config';

export function ConfigEditDialog({ topic, entry, onClose }: { topic: string; entry: ConfigEntry; onClose: () => void }) {
  const update = useUpdateTopicConfigs(useCluster(), topic);
  return <ConfigValueDialog entry={entry} onClose={onClose} update={update} removable={!entry.isDefault} />;
}
