'use client';
// Change one topic config, or remove the override so the broker default applies again. A change that
// deletes records (lower retention, a low segment.ms) says what it deletes before it is saved, and is
// offered only to whoever may delete records (the server checks the same: retention-effects.ts).
import { useCluster } from '@/components/cluster/cluster-context';
import { ConfigValueDialog } from '@/components/configs/config-value-dialog';
import { useSwitches } from '@/components/settings/use-switches';
import { useUpdateTopicConfigs } from '@/lib/api/mutations/topics';
import type { ConfigEntry } from '@/lib/schemas/config';
import { retentionEffects } from '@/lib/schemas/retention-effects';

export function ConfigEditDialog({ topic, entry, configs, onClose }: { topic: string; entry: ConfigEntry; configs: ConfigEntry[]; onClose: () => void }) {
  const update = useUpdateTopicConfigs(useCluster(), topic);
  const { can } = useSwitches();
  return (
    <ConfigValueDialog
      entry={entry}
      onClose={onClose}
      update={update}
      removable={!entry.isDefault}
      deletes={(value) => retentionEffects(configs, { [entry.name]: value })}
      mayDelete={can('recordsDelete', topic)}
    />
  );
}
