'use client';
// Delete the group's committed offsets of one topic (Kafka's OffsetDelete). Kafka allows it for an
// empty group (or a topic no member subscribes to); its refusal is shown as it came.
import { useCluster } from '@/components/cluster/cluster-context';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/feedback';
import { useToast } from '@/components/ui/toast';
import { useDeleteGroupOffsets } from '@/lib/api/mutations/groups';
import { showBidiControls } from '@/lib/format/bidi';

export function DeleteOffsetsDialog({ groupId, topic, onClose }: { groupId: string; topic: string; onClose: () => void }) {
  const toast = useToast();
  const mutation = useDeleteGroupOffsets(useCluster(), groupId);
  const remove = () =>
    mutation.mutate(topic, {
      onSuccess: (r) => {
        toast.success(`Offsets of ${showBidiControls(topic)} deleted (${r.partitions.length} partition${r.partitions.length === 1 ? '' : 's'})`);
        onClose();
      },
    });
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Delete committed offsets of ${showBidiControls(topic)}`}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" disabled={mutation.isPending} onClick={remove}>
            {mutation.isPending ? 'Deleting…' : 'Delete offsets'}
          </Button>
        </>
      }
    >
      <div className="space-y-3 text-sm">
        <p>
          Group <strong>{showBidiControls(groupId)}</strong> forgets its position on every partition of <strong>{showBidiControls(topic)}</strong>. A consumer of the group that
          reads the topic again starts from its auto.offset.reset position. Kafka allows this only while no member of the group subscribes to the topic.
        </p>
        {mutation.error ? <ErrorBanner error={mutation.error} title="Kafka refused" /> : null}
      </div>
    </Dialog>
  );
}
