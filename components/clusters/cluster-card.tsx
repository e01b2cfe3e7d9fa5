'use client';
// One cluster on the cluster list: its name, mode and switches from the list, and its health from
// a query of its own, refreshed every 10 s, so a slow or dead cluster only ever delays its own card.
// The whole card opens the cluster (the name's link is stretched over it).
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { clusterPath } from '@/components/cluster/cluster-path';
import { Badge } from '@/components/ui/badge';
import { clusterHealthQuery } from '@/lib/api/queries/cluster';
import { formatCount } from '@/lib/format/numbers';
import type { ClusterCard as Card } from '@/lib/schemas/cluster';
import { HEALTH_LOOK } from './health-status';

function Figure({ label, value, tone }: { label: string; value: number | null | undefined; tone?: 'warn' | 'bad' }) {
  const color = value && tone === 'bad' ? 'text-red-600 dark:text-red-400' : value && tone === 'warn' ? 'text-amber-600 dark:text-amber-400' : '';
  return (
    <div>
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className={`text-lg font-semibold tabular-nums ${color}`} data-testid={`${label.toLowerCase().replaceAll(' ', '-')}`}>
        {value === undefined || value === null ? '—' : formatCount(value)}
      </dd>
    </div>
  );
}

export function ClusterCard({ card }: { card: Card }) {
  const health = useQuery(clusterHealthQuery(card.name, card.health)).data ?? card.health;
  const look = HEALTH_LOOK[health.status];
  const headingId = `cluster-${card.name}`;
  return (
    <article
      aria-labelledby={headingId}
      className="relative rounded-lg border border-zinc-200 bg-white p-4 shadow-xs hover:border-emerald-400 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-emerald-700"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          <Link prefetch={false} href={clusterPath(card.name)} className="after:absolute after:inset-0 hover:underline">
            {card.name}
          </Link>
        </h2>
        <div className="flex gap-1.5">
          {card.switches.readOnly ? <Badge tone="warn">read-only</Badge> : null}
          <Badge tone={look.tone}>{look.label}</Badge>
        </div>
      </div>
      <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
        {card.mode === 'embedded' ? 'Embedded demo broker' : 'External cluster'}
        {card.bootstrap ? <span className="font-mono break-all"> · {card.bootstrap}</span> : null}
      </p>
      {health.status === 'ok' ? null : (
        <p className="mt-2 text-sm break-words text-red-700 dark:text-red-300" data-testid="cluster-error">
          {health.error ?? look.label}
        </p>
      )}
      <dl className="mt-3 grid grid-cols-3 gap-x-4 gap-y-2 sm:grid-cols-4">
        <Figure label="Brokers" value={health.brokers} />
        <div>
          <dt className="text-xs text-zinc-500 dark:text-zinc-400">Controller</dt>
          <dd className="text-lg font-semibold tabular-nums">{health.controllerId ?? '—'}</dd>
        </div>
        <Figure label="Topics" value={health.topics} />
        <Figure label="Partitions" value={health.partitions} />
        <Figure label="Under-replicated" value={health.underReplicated} tone="warn" />
        <Figure label="Offline" value={health.offline} tone="bad" />
        <Figure label="Groups" value={health.groups} />
      </dl>
    </article>
  );
}
