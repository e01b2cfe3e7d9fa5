'use client';
// On a topic's page: its key and value subjects in the cluster's schema registry (TopicNameStrategy:
// `<topic>-key`, `<topic>-value`), with their type and latest version, linking to each subject.
// Nothing is shown for a cluster without a registry.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useCluster } from '@/components/cluster/cluster-context';
import { clusterPath } from '@/components/cluster/cluster-path';
import { Badge } from '@/components/ui/badge';
import { ErrorBanner } from '@/components/ui/feedback';
import { Panel } from '@/components/ui/panel';
import { topicSubjectsQuery } from '@/lib/api/queries/schemas';
import { showBidiControls } from '@/lib/format/bidi';

export function TopicSubjects({ topic }: { topic: string }) {
  const cluster = useCluster();
  const query = useQuery(topicSubjectsQuery(cluster, topic));
  if (query.data && !query.data.registry) return null;
  return (
    <Panel title="Schemas">
      {query.error ? <ErrorBanner error={query.error} title="The schema registry could not be read" onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <dl className="grid grid-cols-[6rem_1fr] gap-y-1 text-sm">
          {(['key', 'value'] as const).map((role) => {
            const ref = query.data[role];
            return (
              <div key={role} className="contents">
                <dt className="text-zinc-500">{role === 'key' ? 'Key' : 'Value'}</dt>
                <dd>
                  {ref ? (
                    <span className="inline-flex items-center gap-2">
                      <Link prefetch={false} href={clusterPath(cluster, 'schemas', ref.subject)} className="font-medium text-emerald-700 hover:underline dark:text-emerald-400">
                        {showBidiControls(ref.subject)}
                      </Link>
                      {ref.type ? <Badge tone="info">{ref.type}</Badge> : null}
                      {ref.latestVersion !== null ? <span className="text-zinc-500">latest version {ref.latestVersion}</span> : null}
                    </span>
                  ) : (
                    <span className="text-zinc-500">no subject {showBidiControls(`${topic}-${role}`)}</span>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      ) : null}
    </Panel>
  );
}
