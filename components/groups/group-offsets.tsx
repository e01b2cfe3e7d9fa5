'use client';
// Per topic and partition: committed offset, log end, lag with a bar, and the member reading it;
// a total per topic. Bars and colours are on an absolute scale (components/ui/lag-scale.ts). Each row
// links to its unconsumed messages; each topic's committed offsets can be deleted (OffsetDelete).
import Link from 'next/link';
import { useState } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { clusterPath } from '@/components/cluster/cluster-path';
import { useSwitches } from '@/components/settings/use-switches';
import { Button } from '@/components/ui/button';
import { Panel } from '@/components/ui/panel';
import { SimpleTable } from '@/components/ui/simple-table';
import { LAG_TONE_CLASS, lagFraction, lagTone, useLagThresholds } from '@/components/ui/lag-scale';
import { formatInt64 } from '@/lib/format/numbers';
import type { GroupDetail, GroupOffset } from '@/lib/schemas/group';
import { showBidiControls } from '@/lib/format/bidi';
import { StatusBadge } from '@/components/lag/status-badge';
import { LagValue } from './lag-value';
import { DeleteOffsetsDialog } from './delete-offsets-dialog';
import { unconsumedHref } from './unconsumed-link';

function LagBar({ lag }: { lag: string | null }) {
  const t = useLagThresholds();
  return (
    <div className="h-2 w-32 rounded bg-zinc-200 dark:bg-zinc-800" aria-hidden>
      <div className={`h-2 rounded ${LAG_TONE_CLASS[lagTone(lag, t)]}`} style={{ width: `${lagFraction(lag, t) * 100}%` }} />
    </div>
  );
}

export function GroupOffsets({ group }: { group: GroupDetail }) {
  const cluster = useCluster();
  const { can } = useSwitches();
  const [deleting, setDeleting] = useState<string | null>(null);
  const clients = new Map(group.members.map((m) => [m.memberId, m.clientId]));
  const byTopic = new Map<string, GroupOffset[]>();
  for (const o of group.offsets) byTopic.set(o.topic, [...(byTopic.get(o.topic) ?? []), o]);
  if (byTopic.size === 0) return <Panel title="Offsets"><p className="text-sm text-zinc-500">This group has no committed offsets.</p></Panel>;
  return (
    <>
      {[...byTopic.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([topic, rows]) => {
        const total = rows.reduce((s, r) => s + BigInt(r.lag ?? '0'), 0n).toString();
        return (
          <Panel
            key={topic}
            flush
            title={
              <Link prefetch={false} href={clusterPath(cluster, 'topics', topic)} className="text-emerald-700 hover:underline dark:text-emerald-400">
                {showBidiControls(topic)}
              </Link>
            }
            actions={
              <span className="flex items-center gap-3 text-sm">
                <span>
                  Lag <strong><LagValue lag={total} testId={`lag-${topic}`} /></strong>
                </span>
                {can('groupDelete') ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Delete committed offsets of ${showBidiControls(topic)}`}
                    disabled={group.members.length > 0}
                    title={group.members.length > 0 ? 'Kafka deletes offsets only while the group is empty' : undefined}
                    onClick={() => setDeleting(topic)}
                  >
                    Delete offsets
                  </Button>
                ) : null}
              </span>
            }
          >
            <SimpleTable
              label={`Offsets of ${showBidiControls(topic)}`}
              rows={[...rows].sort((a, b) => a.partition - b.partition)}
              rowKey={(r) => String(r.partition)}
              columns={[
                { id: 'partition', header: 'Partition', align: 'right', cell: (r) => r.partition },
                { id: 'committed', header: 'Committed', align: 'right', cell: (r) => (r.committed === null ? <span className="text-zinc-400">none</span> : formatInt64(r.committed)) },
                { id: 'start', header: 'Log start', align: 'right', cell: (r) => formatInt64(r.logStart) },
                { id: 'end', header: 'Log end', align: 'right', cell: (r) => formatInt64(r.logEnd) },
                { id: 'lag', header: 'Lag', align: 'right', cell: (r) => <LagValue lag={r.lag} /> },
                { id: 'bar', header: '', cell: (r) => <LagBar lag={r.lag} /> },
                { id: 'status', header: 'Status', cell: (r) => <StatusBadge status={r.status} reason={r.statusReason} testId={`status-${r.topic}-${r.partition}`} /> },
                {
                  id: 'unconsumed',
                  header: '',
                  cell: (r) => {
                    const href = unconsumedHref(cluster, r);
                    return href ? (
                      <Link prefetch={false} href={href} className="text-xs text-emerald-700 hover:underline dark:text-emerald-400" aria-label={`Unconsumed messages of partition ${r.partition}`}>
                        Unconsumed
                      </Link>
                    ) : null;
                  },
                },
                { id: 'member', header: 'Consumer', cell: (r) => (r.memberId ? <span className="font-mono text-xs">{clients.get(r.memberId) ?? r.memberId}</span> : <span className="text-zinc-400">unassigned</span>) },
              ]}
            />
          </Panel>
        );
      })}
      {deleting !== null ? <DeleteOffsetsDialog groupId={group.groupId} topic={deleting} onClose={() => setDeleting(null)} /> : null}
    </>
  );
}
