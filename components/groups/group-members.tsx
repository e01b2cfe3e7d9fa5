// The members of a group: client id, host and the partitions each was assigned.
import { EmptyState } from '@/components/ui/feedback';
import { SimpleTable } from '@/components/ui/simple-table';
import type { GroupDetail } from '@/lib/schemas/group';
import { showBidiControls } from '@/lib/format/bidi';

export function GroupMembers({ members }: { members: GroupDetail['members'] }) {
  if (members.length === 0) return <EmptyState title="No active members">No consumer is connected to this group right now.</EmptyState>;
  return (
    <SimpleTable
      label="Members"
      rows={members}
      rowKey={(m) => m.memberId}
      columns={[
        { id: 'client', header: 'Client id', cell: (m) => <span className="font-mono text-xs">{m.clientId}</span> },
        { id: 'host', header: 'Host', cell: (m) => <span className="font-mono text-xs">{m.host}</span> },
        {
          id: 'assignment',
          header: 'Partitions',
          cell: (m) =>
            m.assignments.length === 0 ? (
              <span className="text-zinc-400">none</span>
            ) : (
              <span className="text-xs">{m.assignments.map((a) => `${showBidiControls(a.topic)} [${a.partitions.join(', ')}]`).join('; ')}</span>
            ),
        },
        { id: 'member', header: 'Member id', className: 'max-w-[16rem] truncate', cell: (m) => <span className="font-mono text-xs text-zinc-500" title={m.memberId}>{m.memberId}</span> },
      ]}
    />
  );
}
