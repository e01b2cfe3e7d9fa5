'use client';
// The audit page: who did what, where and with what result, newest first, filtered by user,
// cluster, action, result and time (all in the URL, so a filtered view can be shared).
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { Badge } from '@/components/ui/badge';
import { QueryState } from '@/components/ui/feedback';
import { SelectField, TextField } from '@/components/ui/field';
import { Panel } from '@/components/ui/panel';
import { SimpleTable } from '@/components/ui/simple-table';
import { useUrlState } from '@/components/url/use-url-state';
import { auditQuery } from '@/lib/api/queries/audit';
import type { AuditEntry } from '@/lib/schemas/audit';
import { ACTIONS } from '@/lib/schemas/permissions';

const text = z.catch(z.optional(z.string().check(z.maxLength(200))), undefined);
const time = z.catch(z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/))), undefined);
const AuditUrlSchema = z.object({ user: text, cluster: text, action: text, result: z.catch(z.optional(z.enum(['ok', 'failed'])), undefined), from: time, to: time });

const millis = (local: string | undefined) => (local ? new Date(local).getTime() : undefined);

export function AuditLog() {
  const [u, setUrl] = useUrlState(AuditUrlSchema);
  const query = useQuery(auditQuery({ user: u.user, cluster: u.cluster, action: u.action, result: u.result, from: millis(u.from), to: millis(u.to) }));
  return (
    <div className="space-y-4">
      <Panel>
        <div className="flex flex-wrap items-end gap-3">
          <TextField label="User" className="w-40" defaultValue={u.user ?? ''} onChange={(e) => setUrl({ user: e.target.value })} />
          <TextField label="Cluster" className="w-40" defaultValue={u.cluster ?? ''} onChange={(e) => setUrl({ cluster: e.target.value })} />
          <SelectField label="Action" className="w-48" value={u.action ?? ''} onChange={(e) => setUrl({ action: e.target.value })}>
            <option value="">Any</option>
            {[...ACTIONS.filter((a) => !a.endsWith(':view')), 'messages:export', 'login', 'logout'].map((a) => (
              <option key={a}>{a}</option>
            ))}
          </SelectField>
          <SelectField label="Result" className="w-32" value={u.result ?? ''} onChange={(e) => setUrl({ result: e.target.value })}>
            <option value="">Any</option>
            <option value="ok">Succeeded</option>
            <option value="failed">Failed</option>
          </SelectField>
          <TextField label="From" type="datetime-local" defaultValue={u.from ?? ''} onChange={(e) => setUrl({ from: e.target.value })} />
          <TextField label="To" type="datetime-local" defaultValue={u.to ?? ''} onChange={(e) => setUrl({ to: e.target.value })} />
        </div>
      </Panel>
      <Panel flush>
        <QueryState query={query} label="Loading the audit log">
          {(list) => (
            <SimpleTable<AuditEntry>
              label="Audit log"
              rows={list.entries}
              rowKey={(e) => `${e.time}\u0000${e.path}\u0000${e.user}\u0000${e.result.status}\u0000${e.action}\u0000${e.stream?.phase ?? ''}`}
              columns={[
                { id: 'time', header: 'When', cell: (e) => new Date(e.time).toLocaleString() },
                { id: 'user', header: 'Who', cell: (e) => e.user ?? '(open access)' },
                { id: 'address', header: 'From', cell: (e) => e.address ?? '' },
                { id: 'cluster', header: 'Cluster', cell: (e) => e.cluster ?? '' },
                { id: 'action', header: 'Action', cell: (e) => <span className="font-mono">{e.action}</span> },
                { id: 'resource', header: 'Resource', cell: (e) => e.resource ?? '' },
                { id: 'params', header: 'Parameters', cell: (e) => (e.params ? <span className="font-mono text-xs break-all">{JSON.stringify(e.params)}</span> : '') },
                {
                  id: 'result',
                  header: 'Result',
                  cell: (e) => (
                    <Badge tone={e.result.ok ? 'good' : 'bad'} title={e.result.detail}>
                      {e.result.status} {e.result.ok ? 'ok' : 'failed'}
                      {e.stream && (e.stream.phase === 'start' ? ' · stream started' : ` · stream ${e.stream.outcome ?? 'ended'}`)}
                    </Badge>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Panel>
    </div>
  );
}
