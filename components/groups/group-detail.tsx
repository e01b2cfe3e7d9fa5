'use client';
// One consumer group: state, coordinator, members, per-partition offsets and lag, an auto-refresh
// switch, and the reset and delete actions where the server allows them.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { useSwitches } from '@/components/settings/use-switches';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { QueryState } from '@/components/ui/feedback';
import { Panel, Stat } from '@/components/ui/panel';
import { groupQuery } from '@/lib/api/queries/groups';
import { DeleteGroupDialog, ResetWizard } from './lazy';
import { GroupMembers } from './group-members';
import { GroupOffsets } from './group-offsets';
import { LagHistoryPanel } from '@/components/lag/lag-chart';
import { StatusBadge } from '@/components/lag/status-badge';
import { formatSeconds } from '@/lib/format/duration';
import { LagValue } from './lag-value';
import { stateTone } from './state-tone';

export function GroupDetailView({ groupId }: { groupId: string }) {
  const [auto, setAuto] = useState(false);
  const query = useQuery(groupQuery(useCluster(), groupId, auto ? 5_000 : false));
  const { can } = useSwitches();
  const [open, setOpen] = useState<'reset' | 'delete' | null>(null);
  return (
    <QueryState query={query} label="Loading group">
      {(g) => (
        <div className="space-y-5">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} />
              Auto-refresh every 5 s{auto && query.isFetching ? ' (refreshing…)' : ''}
            </label>
            <div className="flex gap-2">
              <Button onClick={() => void query.refetch()}>Refresh</Button>
              {can('offsetReset', g.groupId) ? <Button variant="primary" onClick={() => setOpen('reset')}>Reset offsets</Button> : null}
              {can('groupDelete', g.groupId) ? (
                <Button variant="danger" disabled={g.members.length > 0} title={g.members.length > 0 ? 'Only an empty group can be deleted' : undefined} onClick={() => setOpen('delete')}>
                  Delete group
                </Button>
              ) : null}
            </div>
          </div>
          <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-7">
            <Stat label="State" value={<Badge tone={stateTone(g.state)}>{g.state}</Badge>} />
            <Stat label="Members" value={g.members.length} />
            <Stat label="Coordinator" value={g.coordinator ? <span className="font-mono text-sm">{`#${g.coordinator.id} ${g.coordinator.host}:${g.coordinator.port}`}</span> : '—'} />
            <Stat label="Protocol" value={<span className="text-base">{[g.protocolType, g.protocol].filter(Boolean).join(' / ') || '—'}</span>} />
            <Stat label="Total lag" value={<LagValue lag={g.totals.lag} testId="total-lag" />} />
            <Stat label="Behind" value={<span data-testid="lag-seconds">{formatSeconds(g.lagSeconds)}</span>} />
            <Stat label="Status" value={<StatusBadge status={g.status} reason={g.statusReason} testId="group-status" />} />
          </div>
          <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="status-reason">
            {g.status ? <strong className="font-medium">{g.status}: </strong> : null}
            {g.statusReason}
          </p>
          <LagHistoryPanel groupId={g.groupId} />
          <Panel title="Members" flush>
            <GroupMembers members={g.members} />
          </Panel>
          <GroupOffsets group={g} />
          {open === 'reset' ? <ResetWizard group={g} onClose={() => setOpen(null)} /> : null}
          <DeleteGroupDialog groupId={g.groupId} open={open === 'delete'} onClose={() => setOpen(null)} />
        </div>
      )}
    </QueryState>
  );
}
