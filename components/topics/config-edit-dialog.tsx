'use client';
// Change one topic config, or remove the override so the broker default applies again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/feedback';
import { TextField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { updateTopicConfigs } from '@/lib/api/queries/topics';
import { queryKeys } from '@/lib/api/query-keys';
import type { ConfigEntry } from '@/lib/schemas/config';

export function ConfigEditDialog({ topic, entry, onClose }: { topic: string; entry: ConfigEntry; onClose: () => void }) {
  const client = useQueryClient();
  const toast = useToast();
  const [value, setValue] = useState(entry.value ?? '');
  const mutation = useMutation({
    mutationFn: (v: string | null) => updateTopicConfigs(topic, { [entry.name]: v }),
    onSuccess: async (_, v) => {
      toast.success(v === null ? `${entry.name} reset to its default` : `${entry.name} set to ${v}`);
      await client.invalidateQueries({ queryKey: queryKeys.topic(topic) });
      await client.invalidateQueries({ queryKey: queryKeys.topics() });
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Edit ${entry.name}`}
      footer={
        <>
          {entry.isDefault ? null : (
            <Button variant="ghost" disabled={mutation.isPending} onClick={() => mutation.mutate(null)}>
              Reset to default
            </Button>
          )}
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={mutation.isPending || value === (entry.value ?? '')} onClick={() => mutation.mutate(value)}>
            Save
          </Button>
        </>
      }
    >
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate(value);
        }}
      >
        {mutation.error ? <ErrorBanner error={mutation.error} title="The config was not changed" /> : null}
        <TextField label={entry.name} value={value} autoFocus spellCheck={false} className="font-mono" onChange={(e) => setValue(e.target.value)} hint={`Source: ${entry.source.toLowerCase().replaceAll('_', ' ')}`} />
      </form>
    </Dialog>
  );
}
