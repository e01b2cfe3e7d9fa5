'use client';
// Delete a topic after typing its name; then back to the topic list with the caches refreshed.
import { useRouter } from 'next/navigation';
import { useCluster } from '@/components/cluster/cluster-context';
import { clusterPath } from '@/components/cluster/cluster-path';
import { ConfirmNameDialog } from '@/components/ui/confirm-name-dialog';
import { useToast } from '@/components/ui/toast';
import { useDeleteTopic } from '@/lib/api/mutations/topics';
import { showBidiControls } from '@/lib/format/bidi';

export function DeleteTopicDialog({ topic, open, onClose }: { topic: string; open: boolean; onClose: () => void }) {
  const cluster = useCluster();
  const router = useRouter();
  const toast = useToast();
  const mutation = useDeleteTopic(cluster);
  const remove = () =>
    mutation.mutate(topic, {
      onSuccess: () => {
        toast.success(`Topic ${showBidiControls(topic)} deleted`);
        router.push(clusterPath(cluster, 'topics'));
      },
    });
  return (
    <ConfirmNameDialog
      open={open}
      onClose={() => {
        mutation.reset();
        onClose();
      }}
      title={`Delete topic ${showBidiControls(topic)}`}
      name={topic}
      what="topic"
      confirmLabel="Delete topic"
      pending={mutation.isPending}
      error={mutation.error}
      onConfirm={remove}
    >
      <p>All partitions and every message in them are removed. Consumer groups keep their committed offsets. This cannot be undone.</p>
    </ConfirmNameDialog>
  );
}
