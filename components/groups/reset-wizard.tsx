'use client';
// Reset a group's offsets in four steps: mode → scope → preview (nothing changes yet) → confirm.
// Kafka refuses to move the offsets of a group with live members; the wizard says so up front and
// again, clearly, if the server answers 409.
import { useState } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/feedback';
import { useToast } from '@/components/ui/toast';
import { ApiError } from '@/lib/api/fetch-json';
import { usePreviewReset, useResetOffsets } from '@/lib/api/mutations/groups';
import { toLocalInput } from '@/lib/format/dates';
import type { GroupDetail } from '@/lib/schemas/group';
import { ResetPreviewTable } from './reset-preview-table';
import { ModeStep, ScopeStep, draftError, toResetRequest, type ResetDraft } from './reset-steps';
import { showBidiControls } from '@/lib/format/bidi';

const STEPS = ['Mode', 'Scope', 'Preview', 'Confirm'] as const;

function activeMembersNote(error: unknown, members: number): string | null {
  if (error instanceof ApiError && error.status === 409)
    return `${(error.problem.detail ?? error.problem.title).replace(/[.\s]+$/, '')}. Once the group is Empty, try again.`;
  if (members > 0) return `This group has ${members} active member${members > 1 ? 's' : ''}. Kafka only lets you move offsets of an empty group: stop its consumers first.`;
  return null;
}

export function ResetWizard({ group, onClose }: { group: GroupDetail; onClose: () => void }) {
  const cluster = useCluster();
  const toast = useToast();
  const topics = new Map<string, number[]>();
  for (const o of group.offsets) topics.set(o.topic, [...(topics.get(o.topic) ?? []), o.partition].sort((a, b) => a - b));
  const [step, setStep] = useState(0);
  const [d, setD] = useState<ResetDraft>(() => ({ mode: 'earliest', timestamp: toLocalInput(Date.now() - 3_600_000), offset: '', shift: '', scope: 'all', topic: '', partitions: [] }));
  const set = (p: Partial<ResetDraft>) => setD((x) => ({ ...x, ...p }));
  const preview = usePreviewReset(cluster, group.groupId);
  const apply = useResetOffsets(cluster, group.groupId);
  const runPreview = () => preview.mutate(toResetRequest(d), { onSuccess: () => setStep(2) });
  const runReset = () =>
    apply.mutate(toResetRequest(d), {
      onSuccess: (r) => {
        toast.success(`Offsets of ${showBidiControls(group.groupId)} reset on ${r.partitions.length} partitions`);
        onClose();
      },
    });
  const invalid = draftError(d);
  const note = activeMembersNote(apply.error ?? preview.error, group.members.length);
  const otherError = [apply.error, preview.error].find((e) => e && !(e instanceof ApiError && e.status === 409));
  const next = () => (step === 1 ? runPreview() : setStep((s) => s + 1));
  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={`Reset offsets of ${showBidiControls(group.groupId)}`}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          {step > 0 ? <Button onClick={() => setStep((s) => s - 1)}>Back</Button> : null}
          {step < 3 ? (
            <Button variant="primary" disabled={(step <= 1 && !!invalid) || preview.isPending} onClick={next}>
              {step === 1 ? (preview.isPending ? 'Previewing…' : 'Preview') : 'Next'}
            </Button>
          ) : (
            <Button variant="danger" disabled={apply.isPending} onClick={runReset}>
              {apply.isPending ? 'Resetting…' : 'Reset offsets'}
            </Button>
          )}
        </>
      }
    >
      <ol className="mb-4 flex gap-2 text-xs" aria-label="Steps">
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined} className={`rounded-full px-2.5 py-1 ${i === step ? 'bg-emerald-700 text-white' : i < step ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200' : 'bg-zinc-100 text-zinc-500 dark:bg-zinc-800'}`}>
            {i + 1}. {s}
          </li>
        ))}
      </ol>
      <div className="space-y-4">
        {note ? (
          <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-200">
            {note}
          </div>
        ) : null}
        {otherError ? <ErrorBanner error={otherError} title="The server refused" /> : null}
        {step === 0 ? <ModeStep d={d} set={set} /> : null}
        {step === 1 ? <ScopeStep d={d} set={set} topics={topics} /> : null}
        {step >= 2 && preview.data ? <ResetPreviewTable preview={preview.data} /> : null}
        {step === 3 ? <p className="text-sm font-medium">Commit these offsets for {showBidiControls(group.groupId)}? Consumers that join afterwards start from them.</p> : null}
        {step <= 1 && invalid ? <p className="text-xs text-zinc-500">{invalid}</p> : null}
      </div>
    </Dialog>
  );
}
