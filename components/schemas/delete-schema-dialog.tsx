'use client';
// Deletes a subject or one of its versions, confirmed by typing its name (or version number). Soft
// first, as the registry wants: a soft-deleted subject or version stays readable, and only then can
// it be deleted for good, which is offered as a second, separate step.
import { ConfirmNameDialog } from '@/components/ui/confirm-name-dialog';
import { useToast } from '@/components/ui/toast';
import { useDeleteSchema } from '@/lib/api/mutations/schemas';

export function DeleteSchemaDialog({
  cluster,
  subject,
  version,
  permanent,
  open,
  onClose,
  onDeleted,
}: {
  cluster: string;
  subject: string;
  /** null: the whole subject. */
  version: number | null;
  permanent: boolean;
  open: boolean;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const toast = useToast();
  const mutation = useDeleteSchema(cluster, subject);
  const what = version === null ? `subject ${subject}` : `version ${version} of ${subject}`;
  return (
    <ConfirmNameDialog
      open={open}
      onClose={() => {
        mutation.reset();
        onClose();
      }}
      title={`${permanent ? 'Permanently delete' : 'Delete'} ${what}`}
      name={version === null ? subject : String(version)}
      what={version === null ? 'subject' : 'version'}
      confirmLabel={permanent ? 'Delete permanently' : 'Delete (soft)'}
      pending={mutation.isPending}
      error={mutation.error}
      onConfirm={() =>
        mutation.mutate(
          { version, permanent },
          {
            onSuccess: () => {
              toast.success(`${permanent ? 'Permanently deleted' : 'Soft-deleted'} ${what}`);
              onClose();
              onDeleted?.();
            },
          },
        )
      }
    >
      <p className="text-sm">
        {permanent
          ? 'The schema text and its id are removed from the registry for good. Records written with it can no longer be decoded.'
          : 'A soft delete hides it from clients that register or look up schemas; records written with it still decode by id, and it can be deleted for good afterwards.'}
      </p>
    </ConfirmNameDialog>
  );
}
