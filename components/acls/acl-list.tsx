'use client';
// The ACL page: bindings matching the URL's filters, with create and delete for clusters whose
// ACL_EDIT_ENABLED is on. A cluster without an authorizer says so instead of showing an empty table.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { useSwitches } from '@/components/settings/use-switches';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState, QueryState } from '@/components/ui/feedback';
import { Panel } from '@/components/ui/panel';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/virtual-table';
import { useUrlState } from '@/components/url/use-url-state';
import { aclListQuery } from '@/lib/api/queries/acls';
import { showBidiControls } from '@/lib/format/bidi';
import type { AclBinding } from '@/lib/schemas/acl';
import { AclFilters } from './acl-filters';
import { aclQueryOf, AclUrlSchema } from './acl-params';
import { describeBinding } from './acl-presets';
import { CreateAclDialog } from './create-acl-dialog';
import { DeleteAclDialog } from './delete-acl-dialog';

const text = (s: string) => <span className="font-mono text-xs">{showBidiControls(s)}</span>;

export function AclList() {
  const cluster = useCluster();
  const { can } = useSwitches();
  const [state, setUrl] = useUrlState(AclUrlSchema);
  const query = useQuery(aclListQuery(cluster, aclQueryOf(state)));
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<AclBinding | null>(null);
  const editable = can('aclEdit');
  const columns: Column<AclBinding>[] = [
    { id: 'principal', header: 'Principal', cell: (b) => text(b.principal) },
    { id: 'host', header: 'Host', cell: (b) => text(b.host) },
    { id: 'type', header: 'Resource', cell: (b) => b.resourceType },
    { id: 'name', header: 'Name', cell: (b) => text(b.resourceName) },
    { id: 'pattern', header: 'Pattern', cell: (b) => (b.patternType === 'PREFIXED' ? <Badge tone="info">PREFIXED</Badge> : 'LITERAL') },
    { id: 'operation', header: 'Operation', cell: (b) => b.operation },
    { id: 'permission', header: 'Permission', cell: (b) => <Badge tone={b.permission === 'ALLOW' ? 'good' : 'bad'}>{b.permission}</Badge> },
    ...(editable
      ? [
          {
            id: 'actions',
            header: '',
            align: 'right' as const,
            cell: (b: AclBinding) => (
              <Button size="sm" variant="ghost" aria-label={`Delete ${describeBinding(b)}`} onClick={() => setDeleting(b)}>
                Delete
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Panel
        flush
        title="ACL bindings"
        actions={
          editable && query.data?.enabled ? (
            <Button variant="primary" size="sm" onClick={() => setCreating(true)}>
              Create ACLs
            </Button>
          ) : null
        }
      >
        <AclFilters state={state} onChange={(patch) => setUrl(patch)} />
        <QueryState query={query} label="Loading ACLs">
          {(list) =>
            !list.enabled ? (
              <EmptyState title="ACLs are not enabled on this cluster">
                Kafka answered: {list.message}. Its brokers run without an authorizer (authorizer.class.name), so nothing is enforced and there are no ACLs to list.
              </EmptyState>
            ) : list.items.length === 0 ? (
              <EmptyState title="No ACL bindings match">{Object.keys(aclQueryOf(state)).length ? 'Change or clear the filters.' : 'The cluster has no ACLs yet.'}</EmptyState>
            ) : (
              <SimpleTable label="ACL bindings" rows={list.items} columns={columns} rowKey={describeBinding} />
            )
          }
        </QueryState>
      </Panel>
      <CreateAclDialog open={creating} onClose={() => setCreating(false)} />
      <DeleteAclDialog binding={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
