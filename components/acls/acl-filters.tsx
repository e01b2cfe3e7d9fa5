'use client';
// The ACL list's filters, kept in the URL. Kafka filters by exact values (a principal, a host, a
// resource name); "applies to" (MATCH) lists every binding that covers a resource name, including
// wildcard and prefixed ones. Text fields apply on submit, selects at once.
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { AclOperation, AclPermission, AclResourceType } from '@/lib/schemas/acl';
import type { AclUrlSchema } from './acl-params';
import type { z } from 'zod/mini';

type State = z.infer<typeof AclUrlSchema>;

export function AclFilters({ state, onChange }: { state: State; onChange: (patch: Partial<State>) => void }) {
  const [text, setText] = useState({ principal: state.principal ?? '', host: state.host ?? '', resourceName: state.resourceName ?? '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ principal: text.principal.trim() || undefined, host: text.host.trim() || undefined, resourceName: text.resourceName.trim() || undefined });
  };
  const select = (key: keyof State, label: string, options: readonly string[], anyLabel = 'Any') => (
    <SelectField label={label} value={state[key] ?? ''} onChange={(e) => onChange({ [key]: e.target.value || undefined })} className="w-40">
      <option value="">{anyLabel}</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </SelectField>
  );
  return (
    <form onSubmit={submit} aria-label="ACL filters" className="flex flex-wrap items-end gap-3 p-3">
      <TextField label="Principal" placeholder="User:alice" value={text.principal} onChange={(e) => setText({ ...text, principal: e.target.value })} className="w-44" />
      <TextField label="Host" placeholder="*" value={text.host} onChange={(e) => setText({ ...text, host: e.target.value })} className="w-32" />
      {select('resourceType', 'Resource type', AclResourceType.options)}
      <TextField label="Resource name" value={text.resourceName} onChange={(e) => setText({ ...text, resourceName: e.target.value })} className="w-44" />
      <SelectField
        label="Pattern"
        value={state.patternType ?? ''}
        onChange={(e) => onChange({ patternType: (e.target.value || undefined) as State['patternType'] })}
        className="w-40"
      >
        <option value="">Any</option>
        <option value="LITERAL">LITERAL</option>
        <option value="PREFIXED">PREFIXED</option>
        <option value="MATCH">Applies to the name</option>
      </SelectField>
      {select('operation', 'Operation', AclOperation.options)}
      {select('permission', 'Permission', AclPermission.options)}
      <Button type="submit">Apply</Button>
    </form>
  );
}
