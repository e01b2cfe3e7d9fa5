'use client';
// Delete a topic after typing its name; then back to the topic list with the caches refreshed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { ConfirmNameDialog } from '@/components/ui/confirm-name-dialog';
import { useToast } from '@/components/ui/toast';
import { deleteTopic } from '@/lib/api/queries/topics';
import { queryKeys } from '@/lib/api/query-keys';

export function DeleteTopicDialog({ topic, open, onClose }: { topic: string; open: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const mutation = useMutation({
    mutationFn: () => deleteTopic(topic),
    onSuccess: async () => {
      toast.success(`Topic ${topic} deleted`);
      client.removeQueries({ queryKey: queryKeys.topic(topic) });
      await client.invalidateQueries({ queryKey: queryKeys.topics() });
      await client.invalidateQueries({ queryKey: queryKeys.cluster() });
      router.push('/topics');
    },
  });
  return (
    <ConfirmNameDialog
      open={open}
      onClose={() => {
        mutation.reset();
        onClose();
      }}
      title={`Delete topic ${topic}`}
      name={topic}
      what="topic"
      confirmLabel="Delete topic"
      pending={mutation.isPending}
      error={mutation.error}
      onConfirm={() => mutation.mutate()}
    >
      <p>All partitions and every message in them are removed. Consumer groups keep their committed offsets. This cannot be undone.</p>
    </ConfirmNameDialog>
  );
}
