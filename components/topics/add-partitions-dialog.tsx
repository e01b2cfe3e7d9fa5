'use client';
// Raise a topic's partition count (Kafka cannot lower it). Keys map to partitions by hash, so the
// dialog warns that keyed data will be spread differently from now on.
import { useState } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/feedback';
import { TextField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { useAddPartitions } from '@/lib/api/mutations/topics';
import { showBidiControls } from '@/lib/format/bidi';
import { plural } from '@/lib/format/plural';

export function AddPartitionsDialog({ topic, current, open, onClose }: { topic: string; current: number; open: boolean; onClose: () => void }) {
  const toast = useToast();
  const [count, setCount] = useState(String(current + 1));
  const n = Number(count);
  const invalid = !Number.isInteger(n) || n <= current ? `Enter a whole number greater than ${current}` : undefined;
  const mutation = useAddPartitions(useCluster(), topic);
  const add = () =>
    mutation.mutate(n, {
      onSuccess: () => {
        toast.success(`${showBidiControls(topic)} now has ${plural(n, 'partition')}`);
        onClose();
      },
    });
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Add partitions to ${showBidiControls(topic)}`}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={!!invalid || mutation.isPending} onClick={add}>
            Add partitions
          </Button>
        </>
      }
    >
      <div className="space-y-3 text-sm">
        <p>Messages with a key go to the partition chosen by the key&apos;s hash; with more partitions, the same key may land elsewhere from now on.</p>
        {mutation.error ? <ErrorBanner error={mutation.error} title="Partitions were not added" /> : null}
        <TextField label="New partition count" type="number" min={current + 1} value={count} error={count ? invalid : undefined} onChange={(e) => setCount(e.target.value)} />
      </div>
    </Dialog>
  );
}
