'use client';
// Change one topic config, or remove the override so the broker default applies again. A change that
// deletes records (lower retention, a low segment.ms) says what it deletes before it is saved, and is
// offered only to whoever may delete records (the server checks the same: retention-effects.ts).
import { useState } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/feedback';
import { TextField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { useUpdateTopicConfigs } from '@/lib/api/mutations/topics';
import type { ConfigEntry } from '@/lib/schemas/config';
import { retentionEffects } from '@/lib/schemas/retention-effects';
import { useSwitches } from '@/components/settings/use-switches';

export function ConfigEditDialog({ topic, entry, configs, onClose }: { topic: string; entry: ConfigEntry; configs: ConfigEntry[]; onClose: () => void }) {
  const toast = useToast();
  const [value, setValue] = useState(entry.value ?? '');
  const mutation = useUpdateTopicConfigs(useCluster(), topic);
  const { can } = useSwitches();
  const effects = value === (entry.value ?? '') ? [] : retentionEffects(configs, { [entry.name]: value });
  const mayDelete = can('recordsDelete', topic);
  /** Sets the value, or with null removes the override. */
  const save = (v: string | null) =>
    mutation.mutate(
      { [entry.name]: v },
      {
        onSuccess: () => {
          toast.success(v === null ? `${entry.name} reset to its default` : `${entry.name} set to ${v}`);
          onClose();
        },
      },
    );
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Edit ${entry.name}`}
      footer={
        <>
          {entry.isDefault ? null : (
            <Button variant="ghost" disabled={mutation.isPending} onClick={() => save(null)}>
              Reset to default
            </Button>
          )}
          <Button onClick={onClose}>Cancel</Button>
          <Button variant={effects.length ? 'danger' : 'primary'} disabled={mutation.isPending || value === (entry.value ?? '') || (effects.length > 0 && !mayDelete)} onClick={() => save(value)}>
            {effects.length ? 'Save and delete records' : 'Save'}
          </Button>
        </>
      }
    >
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          save(value);
        }}
      >
        {mutation.error ? <ErrorBanner error={mutation.error} title="The config was not changed" /> : null}
        {effects.length ? (
          <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
            <p className="font-medium">This change deletes records.</p>
            <ul className="list-disc pl-5">
              {effects.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
            {mayDelete ? null : <p>You may not delete records of this topic (records:delete), or deleting records is switched off.</p>}
          </div>
        ) : null}
        <TextField label={entry.name} value={value} autoFocus spellCheck={false} className="font-mono" onChange={(e) => setValue(e.target.value)} hint={`Source: ${entry.source.toLowerCase().replaceAll('_', ' ')}`} />
      </form>
    </Dialog>
  );
}
