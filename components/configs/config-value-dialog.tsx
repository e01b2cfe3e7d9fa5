'use client';
// Change one config value, or remove it so the next level applies again (a topic's broker default,
// a broker's cluster-wide default). Shared by topic and broker configs: the caller hands over the
// mutation that sends { name: value | null }, and Kafka's refusal is shown as it came. A caller that
// knows what a value would delete (a topic's retention) says so before it is saved, and whether the
// user may.
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
  deletes,
  mayDelete = true,
}: {
  entry: ConfigEntry;
  onClose: () => void;
  update: ConfigUpdate;
  /** Whether the value can be removed (it is set at this level). */
  removable: boolean;
  removeLabel?: string;
  /** What setting this value would delete (empty: nothing). */
  deletes?: (value: string) => string[];
  /** Whether the user may delete records here; without it a deleting value cannot be saved. */
  mayDelete?: boolean;
}) {
  const toast = useToast();
  const [value, setValue] = useState(entry.value ?? '');
  const effects = deletes && value !== (entry.value ?? '') ? deletes(value) : [];
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
          <Button
            variant={effects.length ? 'danger' : 'primary'}
            disabled={update.isPending || value === (entry.value ?? '') || (effects.length > 0 && !mayDelete)}
            onClick={() => save(value)}
          >
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
        {update.error ? <ErrorBanner error={update.error} title="The config was not changed" /> : null}
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
