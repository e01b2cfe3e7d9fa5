'use client';
// Change one config value, or remove it so the next level applies again (a topic's broker default,
// a broker's cluster-wide default). Shared by topic and broker configs: the caller hands over the
// mutation that sends { name: value | null }, and Kafka's refusal is shown as it came.
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/feedback';
import { TextField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import type { ConfigEntry } from '@/lib/schemas/config';

export interface ConfigUpdate {
  mutate(configs: Record<string, string | null>, options: { onSuccess: () => void }): void;
  isPending: boolean;
  error: unknown;
}

export function ConfigValueDialog({
  entry,
  onClose,
  update,
  removable,
  removeLabel = 'Reset to default',
}: {
  entry: ConfigEntry;
  onClose: () => void;
  update: ConfigUpdate;
  /** Whether the value can be removed (it is set at this level). */
  removable: boolean;
  removeLabel?: string;
}) {
  const toast = useToast();
  const [value, setValue] = useState(entry.value ?? '');
  /** Sets the value, or with null removes it. */
  const save = (v: string | null) =>
    update.mutate(
      { [entry.name]: v },
      {
        onSuccess: () => {
          toast.success(v === null ? `${entry.name} removed` : `${entry.name} set to ${v}`);
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
          {removable ? (
            <Button variant="ghost" disabled={update.isPending} onClick={() => save(null)}>
              {removeLabel}
            </Button>
          ) : null}
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={update.isPending || value === (entry.value ?? '')} onClick={() => save(value)}>
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
        {update.error ? <ErrorBanner error={update.error} title="The config was not changed" /> : null}
        <TextField label={entry.name} value={value} autoFocus spellCheck={false} className="font-mono" onChange={(e) => setValue(e.target.value)} hint={`Source: ${entry.source.toLowerCase().replaceAll('_', ' ')}`} />
      </form>
    </Dialog>
  );
}
