'use client';
// Delete an empty group (its committed offsets go with it) after typing its id.
import { useRouter } from 'next/navigation';
import { useCluster } from '@/components/cluster/cluster-context';
import { clusterPath } from '@/components/cluster/cluster-path';
import { ConfirmNameDialog } from '@/components/ui/confirm-name-dialog';
import { useToast } from '@/components/ui/toast';
import { useDeleteGroup } from '@/lib/api/mutations/groups';
import { showBidiControls } from '@/lib/format/bidi';

export function DeleteGroupDialog({ groupId, open, onClose }: { groupId: string; open: boolean; onClose: () => void }) {
  const cluster = useCluster();
  const router = useRouter();
  const toast = useToast();
  const mutation = useDeleteGroup(cluster);
  const remove = () =>
    mutation.mutate(groupId, {
      onSuccess: () => {
        toast.success(`Group ${showBidiControls(groupId)} deleted`);
        router.push(clusterPath(cluster, 'groups'));
      },
    });
  return (
    <ConfirmNameDialog
      open={open}
      onClose={() => {
        mutation.reset();
        onClose();
      }}
      title={`Delete group ${showBidiControls(groupId)}`}
      name={groupId}
      what="group"
      confirmLabel="Delete group"
      pending={mutation.isPending}
      error={mutation.error}
      onConfirm={remove}
    >
      <p>The group and all its committed offsets are removed. Consumers that use this id again start from their auto.offset.reset position.</p>
    </ConfirmNameDialog>
  );
}
