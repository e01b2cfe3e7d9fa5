'use client';
// Change one topic config, or remove the override so the broker default applies again.
import { useState } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/feedback';
import { TextField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { useUpdateTopicConfigs } from '@/lib/api/mutations/topics';
import type { ConfigEntry } from '@/lib/schemas/config';

export function ConfigEditDialog({ topic, entry, onClose }: { topic: string; entry: ConfigEntry; onClose: () => void }) {
  const toast = useToast();
  const [value, setValue] = useState(entry.value ?? '');
  const mutation = useUpdateTopicConfigs(useCluster(), topic);
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
          <Button variant="primary" disabled={mutation.isPending || value === (entry.value ?? '')} onClick={() => save(value)}>
            Save
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
        <TextField label={entry.name} value={value} autoFocus spellCheck={false} className="font-mono" onChange={(e) => setValue(e.target.value)} hint={`Source: ${entry.source.toLowerCase().replaceAll('_', ' ')}`} />
      </form>
    </Dialog>
  );
}
