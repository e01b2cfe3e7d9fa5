'use client';
// Create ACL bindings: one binding field by field, or a preset for the common cases (a consumer of a
// topic with its group, a producer of a topic) whose bindings are listed before they are created.
import { useState } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/feedback';
import { SelectField, TextField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { useCreateAcls } from '@/lib/api/mutations/acls';
import { AclBindingSchema, AclOperation, AclPatternType, AclPermission, AclResourceType, type AclBinding } from '@/lib/schemas/acl';
import { describeBinding, presetBindings, PRESET_LABELS, type AclPreset } from './acl-presets';

const EMPTY = { principal: '', host: '*', topic: '', group: '', patternType: 'LITERAL' as AclBinding['patternType'] };
const EMPTY_CUSTOM: Omit<AclBinding, 'principal' | 'host' | 'patternType'> = { resourceType: 'TOPIC', resourceName: '', operation: 'READ', permission: 'ALLOW' };

export function CreateAclDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const cluster = useCluster();
  const toast = useToast();
  const mutation = useCreateAcls(cluster);
  const [preset, setPreset] = useState<AclPreset>('consumer');
  const [form, setForm] = useState(EMPTY);
  const [custom, setCustom] = useState(EMPTY_CUSTOM);
  const bindings: AclBinding[] =
    preset === 'custom' ? [{ ...custom, principal: form.principal.trim(), host: form.host.trim() || '*', patternType: form.patternType, resourceName: custom.resourceName.trim() }] : presetBindings(preset, form);
  const checked = bindings.map((b) => AclBindingSchema.safeParse(b));
  const firstProblem = checked.find((c) => !c.success)?.error?.issues[0];
  const close = () => {
    mutation.reset();
    setForm(EMPTY);
    setCustom(EMPTY_CUSTOM);
    onClose();
  };
  const create = () =>
    mutation.mutate(bindings, {
      onSuccess: (r) => {
        toast.success(`${r.created.length} ACL binding${r.created.length === 1 ? '' : 's'} created`);
        close();
      },
    });
  return (
    <Dialog
      open={open}
      onClose={close}
      title="Create ACLs"
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="primary" disabled={Boolean(firstProblem) || mutation.isPending} onClick={create}>
            {mutation.isPending ? 'Creating…' : `Create ${bindings.length} binding${bindings.length === 1 ? '' : 's'}`}
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        <SelectField label="What to grant" value={preset} onChange={(e) => setPreset(e.target.value as AclPreset)}>
          {(Object.keys(PRESET_LABELS) as AclPreset[]).map((p) => (
            <option key={p} value={p}>
              {PRESET_LABELS[p]}
            </option>
          ))}
        </SelectField>
        <div className="grid grid-cols-2 gap-3">
          <TextField label="Principal" placeholder="User:alice" value={form.principal} onChange={(e) => setForm({ ...form, principal: e.target.value })} />
          <TextField label="Host" value={form.host} onChange={(e) => setForm({ ...form, host: e.target.value })} hint="* for every host" />
        </div>
        {preset === 'custom' ? (
          <div className="grid grid-cols-2 gap-3">
            <SelectField label="Resource type" value={custom.resourceType} onChange={(e) => setCustom({ ...custom, resourceType: e.target.value as AclBinding['resourceType'] })}>
              {AclResourceType.options.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </SelectField>
            <TextField
              label="Resource name"
              value={custom.resourceName}
              placeholder={custom.resourceType === 'CLUSTER' ? 'kafka-cluster' : ''}
              onChange={(e) => setCustom({ ...custom, resourceName: e.target.value })}
            />
            <SelectField label="Operation" value={custom.operation} onChange={(e) => setCustom({ ...custom, operation: e.target.value as AclBinding['operation'] })}>
              {AclOperation.options.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </SelectField>
            <SelectField label="Permission" value={custom.permission} onChange={(e) => setCustom({ ...custom, permission: e.target.value as AclBinding['permission'] })}>
              {AclPermission.options.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </SelectField>
          </div>
        ) : (
          <div className="grid grid-cols-2 gap-3">
            <TextField label="Topic" value={form.topic} onChange={(e) => setForm({ ...form, topic: e.target.value })} />
            {preset === 'consumer' ? <TextField label="Group" value={form.group} onChange={(e) => setForm({ ...form, group: e.target.value })} /> : null}
          </div>
        )}
        <SelectField
          label="Pattern"
          value={form.patternType}
          onChange={(e) => setForm({ ...form, patternType: e.target.value as AclBinding['patternType'] })}
          hint="PREFIXED applies to every name that starts with the one given"
        >
          {AclPatternType.options.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </SelectField>
        <div>
          <p className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">Bindings to create</p>
          <ul aria-label="Bindings to create" className="space-y-0.5 rounded-md bg-zinc-50 p-2 font-mono text-xs dark:bg-zinc-950">
            {bindings.map((b, i) => (
              <li key={i}>{describeBinding(b)}</li>
            ))}
          </ul>
          {firstProblem ? (
            <p className="mt-1 text-xs text-zinc-500">
              {String(firstProblem.path.join('.'))}: {firstProblem.message}
            </p>
          ) : null}
        </div>
        {mutation.error ? <ErrorBanner error={mutation.error} title="Kafka refused the ACLs" /> : null}
      </div>
    </Dialog>
  );
}
