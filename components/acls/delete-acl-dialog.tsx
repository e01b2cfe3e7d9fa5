'use client';
// Delete one ACL binding after seeing exactly which: the request names the whole binding, so it can
// never remove more than this one.
import { useCluster } from '@/components/cluster/cluster-context';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/feedback';
import { useToast } from '@/components/ui/toast';
import { useDeleteAcls } from '@/lib/api/mutations/acls';
import { showBidiControls } from '@/lib/format/bidi';
import type { AclBinding } from '@/lib/schemas/acl';
import { describeBinding } from './acl-presets';

export function DeleteAclDialog({ binding, onClose }: { binding: AclBinding | null; onClose: () => void }) {
  const cluster = useCluster();
  const toast = useToast();
  const mutation = useDeleteAcls(cluster);
  const close = () => {
    mutation.reset();
    onClose();
  };
  const remove = () =>
    binding &&
    mutation.mutate([binding], {
      onSuccess: (r) => {
        toast.success(r.deleted.length ? 'ACL binding deleted' : 'The binding was already gone');
        close();
      },
    });
  return (
    <Dialog
      open={binding !== null}
      onClose={close}
      title="Delete ACL binding"
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="danger" disabled={mutation.isPending} onClick={remove}>
            {mutation.isPending ? 'Deleting…' : 'Delete binding'}
          </Button>
        </>
      }
    >
      {binding ? (
        <div className="space-y-3 text-sm">
          <p>This binding is removed at once; clients it allowed lose that access on their next request.</p>
          <p className="rounded-md bg-zinc-50 p-2 font-mono text-xs dark:bg-zinc-950">{showBidiControls(describeBinding(binding))}</p>
          {mutation.error ? <ErrorBanner error={mutation.error} title="Kafka refused to delete it" /> : null}
        </div>
      ) : null}
    </Dialog>
  );
}
