'use client';
// Purge records: everything in every partition, or one partition up to an offset. Offsets are
// typed and sent as strings, never parsed through Number.
import { useState } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/feedback';
import { SelectField, TextField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { useDeleteRecords } from '@/lib/api/mutations/topics';
import { formatInt64 } from '@/lib/format/numbers';
import type { PartitionInfo } from '@/lib/schemas/topic';
import { showBidiControls } from '@/lib/format/bidi';

export function PurgeDialog({ topic, partitions, open, onClose }: { topic: string; partitions: readonly PartitionInfo[]; open: boolean; onClose: () => void }) {
  const toast = useToast();
  const [scope, setScope] = useState<'all' | string>('all');
  const [offset, setOffset] = useState('');
  const chosen = partitions.find((p) => String(p.partition) === scope);
  const offsetError = scope !== 'all' && !/^\d{1,19}$/.test(offset) ? 'Enter an offset (a whole number)' : undefined;
  const mutation = useDeleteRecords(useCluster(), topic);
  const purge = () =>
    mutation.mutate(scope === 'all' ? { all: true } : { partitions: [{ partition: Number(scope), offset }] }, {
      onSuccess: () => {
        toast.success(scope === 'all' ? `All records of ${showBidiControls(topic)} purged` : `Partition ${scope} purged up to offset ${offset}`);
        onClose();
      },
    });
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Purge records of ${showBidiControls(topic)}`}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" disabled={!!offsetError || mutation.isPending} onClick={purge}>
            Purge
          </Button>
        </>
      }
    >
      <div className="space-y-3 text-sm">
        <p>Records before the chosen offset are deleted and the partition&apos;s low watermark moves up. This cannot be undone.</p>
        {mutation.error ? <ErrorBanner error={mutation.error} title="Nothing was purged" /> : null}
        <SelectField label="Scope" value={scope} onChange={(e) => setScope(e.target.value)}>
          <option value="all">All partitions, everything</option>
          {partitions.map((p) => (
            <option key={p.partition} value={String(p.partition)}>
              Partition {p.partition} (offsets {formatInt64(p.low)}–{formatInt64(p.high)})
            </option>
          ))}
        </SelectField>
        {chosen ? (
          <TextField
            label="Delete records before offset"
            inputMode="numeric"
            placeholder={chosen.high}
            value={offset}
            error={offset ? offsetError : undefined}
            hint={`Between ${formatInt64(chosen.low)} and ${formatInt64(chosen.high)} (the high watermark purges everything).`}
            onChange={(e) => setOffset(e.target.value.trim())}
          />
        ) : null}
      </div>
    </Dialog>
  );
}
