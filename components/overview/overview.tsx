'use client';
// The cluster at a glance: identity, totals with warnings when partitions are under-replicated or
// offline, the brokers, and a quick filter that jumps to the topic list, or straight to the topic
// when the name typed is exactly one topic's.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { clusterPath } from '@/components/cluster/cluster-path';
import { BrokersTable } from '@/components/brokers/brokers-table';
import { Button } from '@/components/ui/button';
import { QueryState } from '@/components/ui/feedback';
import { controlLook } from '@/components/ui/field';
import { Panel, Stat } from '@/components/ui/panel';
import { withQuery } from '@/lib/api/fetch-json';
import { overviewQuery } from '@/lib/api/queries/cluster';
import { topicListQuery } from '@/lib/api/queries/topics';
import { TopicListQuerySchema } from '@/lib/schemas/topic';
import { formatCount } from '@/lib/format/numbers';
import { plural } from '@/lib/format/plural';

export function TopicQuickFilter() {
  const router = useRouter();
  const cluster = useCluster();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const go = async () => {
    const name = q.trim();
    setBusy(true);
    // The filtered list's first page is what the list page would show anyway (and stays cached for it).
    const list = await client.fetchQuery(topicListQuery(cluster, TopicListQuerySchema.parse({ q: name, internal: 'true' }))).catch(() => null);
    setBusy(false);
    const exact = name && list?.items.some((t) => t.name === name);
    router.push(exact ? clusterPath(cluster, 'topics', name) : withQuery(clusterPath(cluster, 'topics'), { q: name }));
  };
  return (
    <form
      role="search"
      className="flex gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void go();
      }}
    >
      <label htmlFor="topic-quick-filter" className="sr-only">
        Find a topic
      </label>
      <input id="topic-quick-filter" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Find a topic…" className={`${controlLook} w-48 sm:w-64`} />
      <Button type="submit" disabled={busy}>
        Go
      </Button>
    </form>
  );
}

export function Overview() {
  const query = useQuery(overviewQuery(useCluster()));
  return (
    <div className="space-y-5">
      <QueryState query={query} label="Loading cluster">
        {(c) => (
          <>
            <dl className="flex flex-wrap gap-x-8 gap-y-1 text-sm">
              <div>
                <dt className="inline text-zinc-500 dark:text-zinc-400">Cluster id </dt>
                <dd className="inline font-mono">{c.clusterId ?? 'unknown'}</dd>
              </div>
              <div>
                <dt className="inline text-zinc-500 dark:text-zinc-400">Controller </dt>
                <dd className="inline font-mono">{c.controllerId ?? 'none'}</dd>
              </div>
            </dl>
            {c.totals.offline > 0 || c.totals.underReplicated > 0 ? (
              <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-200">
                {c.totals.offline > 0 ? `${plural(c.totals.offline, 'partition is', 'partitions are')} offline (no leader). ` : ''}
                {c.totals.underReplicated > 0 ? `${plural(c.totals.underReplicated, 'partition is', 'partitions are')} under-replicated.` : ''}
              </div>
            ) : null}
            <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
              <Stat label="Brokers" value={formatCount(c.brokers.length)} />
              <Stat label="Topics" value={formatCount(c.totals.topics)} />
              <Stat label="Partitions" value={formatCount(c.totals.partitions)} />
              <Stat label="Under-replicated" value={formatCount(c.totals.underReplicated)} tone={c.totals.underReplicated ? 'warn' : undefined} />
              <Stat label="Offline" value={formatCount(c.totals.offline)} tone={c.totals.offline ? 'bad' : undefined} />
              <Stat label="Preferred leaders" value={`${c.totals.preferredLeaderPercent.toFixed(0)}%`} />
            </div>
            <Panel title="Brokers" flush>
              <BrokersTable brokers={c.brokers} />
            </Panel>
          </>
        )}
      </QueryState>
    </div>
  );
}
