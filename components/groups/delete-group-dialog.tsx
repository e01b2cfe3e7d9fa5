'use client';
// Delete an empty group (its committed offsets go with it) after typing its id.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { ConfirmNameDialog } from '@/components/ui/confirm-name-dialog';
import { useToast } from '@/components/ui/toast';
import { deleteGroup } from '@/lib/api/queries/groups';
import { queryKeys } from '@/lib/api/query-keys';

export function DeleteGroupDialog({ groupId, open, onClose }: { groupId: string; open: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const mutation = useMutation({
    mutationFn: () => deleteGroup(groupId),
    onSuccess: async () => {
      toast.success(`Group ${groupId} deleted`);
      client.removeQueries({ queryKey: queryKeys.group(groupId) });
      await client.invalidateQueries({ queryKey: queryKeys.groups() });
      router.push('/groups');
    },
  });
  return (
    <ConfirmNameDialog
      open={open}
      onClose={() => {
        mutation.reset();
        onClose();
      }}
      title={`Delete group ${groupId}`}
      name={groupId}
      what="group"
      confirmLabel="Delete group"
      pending={mutation.isPending}
      error={mutation.error}
      onConfirm={() => mutation.mutate()}
    >
      <p>The group and all its committed offsets are removed. Consumers that use this id again start from their auto.offset.reset position.</p>
    </ConfirmNameDialog>
  );
}
