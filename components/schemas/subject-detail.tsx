'use client';
// One subject: its latest version's facts, any version's schema pretty-printed (as text), a diff of
// two versions, its compatibility level, the topics it serves, and, where SCHEMA_EDIT_ENABLED allows,
// registering a new version (after the registry's check) and soft then hard deletion.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { clusterPath } from '@/components/cluster/cluster-path';
import { useSwitches } from '@/components/settings/use-switches';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { ErrorBanner, QueryState, Skeleton } from '@/components/ui/feedback';
import { controlLook } from '@/components/ui/field';
import { Panel, Stat } from '@/components/ui/panel';
import { useUrlState } from '@/components/url/use-url-state';
import { schemaVersionQuery, subjectQuery } from '@/lib/api/queries/schemas';
import { showBidiControls } from '@/lib/format/bidi';
import type { SubjectDetail } from '@/lib/schemas/schema-registry';
import { CompatibilityControl } from './compatibility-control';
import { DeleteSchemaDialog } from './delete-schema-dialog';
import { RegisterSchemaDialog } from './register-schema-dialog';
import { SchemaDiffView } from './schema-diff-view';
import { SubjectPageParamsSchema, diffPair } from './subject-params';

type Deleting = { version: number | null; permanent: boolean } | null;

function VersionPanel({ cluster, d, shown, onShow, onDelete }: { cluster: string; d: SubjectDetail; shown: number; onShow: (v: number) => void; onDelete: (x: Deleting) => void }) {
  const { can } = useSwitches();
  const all = [...new Set([...d.versions, ...d.deletedVersions])].sort((a, b) => a - b);
  const query = useQuery(schemaVersionQuery(cluster, d.subject, shown));
  const v = query.data;
  return (
    <Panel
      title="Schema"
      actions={
        <>
          <label className="flex items-center gap-1.5 text-sm">
            Version
            <select className={`${controlLook} w-28`} value={shown} onChange={(e) => onShow(Number(e.target.value))}>
              {all.map((n) => (
                <option key={n} value={n}>
                  {n}
                  {d.deletedVersions.includes(n) ? ' (deleted)' : ''}
                </option>
              ))}
            </select>
          </label>
          {v ? <CopyButton text={v.schema} label="Copy schema" /> : null}
          {v && can('schemaEdit') ? (
            v.deleted ? (
              <Button size="sm" variant="danger" onClick={() => onDelete({ version: v.version, permanent: true })}>
                Delete version permanently
              </Button>
            ) : (
              <Button size="sm" variant="danger" onClick={() => onDelete({ version: v.version, permanent: false })}>
                Delete version
              </Button>
            )
          ) : null}
        </>
      }
    >
      {query.error ? <ErrorBanner error={query.error} onRetry={() => void query.refetch()} /> : null}
      {v ? (
        <div className="space-y-2">
          <p className="text-xs text-zinc-500" data-testid="schema-version-facts">
            Version {v.version} · schema id {v.id} · {v.type}
            {v.deleted ? ' · soft-deleted' : ''}
            {v.references.length > 0 ? ` · references ${v.references.map((r) => `${r.subject} v${r.version}`).join(', ')}` : ''}
          </p>
          <pre aria-label={`Schema of version ${v.version}`} className="max-h-[32rem] overflow-auto rounded-md bg-zinc-50 p-3 text-xs whitespace-pre dark:bg-zinc-950">
            {v.pretty}
          </pre>
        </div>
      ) : query.error ? null : (
        <Skeleton rows={6} label="Loading schema" />
      )}
    </Panel>
  );
}

export function SubjectDetailView({ subject }: { subject: string }) {
  const cluster = useCluster();
  const router = useRouter();
  const { can } = useSwitches();
  const query = useQuery(subjectQuery(cluster, subject));
  const [params, setUrl] = useUrlState(SubjectPageParamsSchema);
  const [registering, setRegistering] = useState(false);
  const [deleting, setDeleting] = useState<Deleting>(null);
  return (
    <QueryState query={query} label="Loading subject">
      {(d) => {
        const all = [...new Set([...d.versions, ...d.deletedVersions])].sort((a, b) => a - b);
        const shown = params.version !== undefined && all.includes(params.version) ? params.version : d.latest.version;
        const pair = diffPair(all, params);
        const softDeleted = d.versions.length === 0;
        return (
          <div className="space-y-5">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <div className="flex flex-wrap items-center gap-3">
                <Badge tone="info">{d.latest.type}</Badge>
                {softDeleted ? <Badge tone="warn">soft-deleted</Badge> : null}
                <CompatibilityControl cluster={cluster} subject={d.subject} level={d.compatibility.level} own={d.compatibility.own} />
              </div>
              {can('schemaEdit') ? (
                <div className="flex gap-2">
                  {!softDeleted ? (
                    <Button variant="primary" onClick={() => setRegistering(true)}>
                      New version
                    </Button>
                  ) : null}
                  <Button variant="danger" onClick={() => setDeleting({ version: null, permanent: softDeleted })}>
                    {softDeleted ? 'Delete subject permanently' : 'Delete subject'}
                  </Button>
                </div>
              ) : null}
            </div>
            <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
              <Stat label="Latest version" value={d.latest.version} />
              <Stat label="Schema id" value={d.latest.id} />
              <Stat label="Versions" value={d.versions.length} />
              <Stat label="Soft-deleted versions" value={d.deletedVersions.length} />
            </div>
            <Panel title="Topics">
              {d.topics.length === 0 ? (
                <p className="text-sm text-zinc-500">No existing topic uses this subject by its name (TopicNameStrategy: &lt;topic&gt;-key, &lt;topic&gt;-value).</p>
              ) : (
                <ul className="space-y-1 text-sm">
                  {d.topics.map((t) => (
                    <li key={`${t.topic}-${t.role}`}>
                      <Link prefetch={false} className="font-medium text-emerald-700 hover:underline dark:text-emerald-400" href={clusterPath(cluster, 'topics', t.topic)}>
                        {showBidiControls(t.topic)}
                      </Link>{' '}
                      <span className="text-zinc-500">({t.role})</span>
                    </li>
                  ))}
                </ul>
              )}
            </Panel>
            <VersionPanel cluster={cluster} d={d} shown={shown} onShow={(v) => setUrl({ version: v })} onDelete={setDeleting} />
            {pair && all.length > 1 ? (
              <Panel title="Compare versions">
                <SchemaDiffView cluster={cluster} subject={d.subject} versions={all} from={pair.from} to={pair.to} onChange={(p) => setUrl(p)} />
              </Panel>
            ) : null}
            {registering ? (
              <RegisterSchemaDialog cluster={cluster} subject={d.subject} initial={d.latest.pretty} initialType={d.latest.type} open onClose={() => setRegistering(false)} />
            ) : null}
            {deleting ? (
              <DeleteSchemaDialog
                cluster={cluster}
                subject={d.subject}
                version={deleting.version}
                permanent={deleting.permanent}
                open
                onClose={() => setDeleting(null)}
                onDeleted={deleting.version === null && deleting.permanent ? () => router.push(clusterPath(cluster, 'schemas')) : () => setUrl({ version: undefined })}
              />
            ) : null}
          </div>
        );
      }}
    </QueryState>
  );
}
