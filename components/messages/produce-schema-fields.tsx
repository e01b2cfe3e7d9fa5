'use client';
// The produce dialog's schema part: encode the value with a registry subject (the topic's
// `<topic>-value` suggested first) at a chosen version or the latest. The value is then typed as JSON
// in the forms the message browser shows (unions as {"branch": value}, decimals and timestamps as
// text, bytes as hex); the server validates and encodes it with Confluent's framing and a refusal
// names the field at fault. Shown only on a cluster with a schema registry.
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { SelectField } from '@/components/ui/field';
import { subjectListQuery, subjectQuery, topicSubjectsQuery } from '@/lib/api/queries/schemas';
import type { SchemaChoice } from '@/lib/schemas/message';

const NONE = '';
const ALL_SUBJECTS = { q: '', deleted: false, page: 1, pageSize: 500 } as const;

export function ProduceSchemaFields({ topic, value, onChange }: { topic: string; value: SchemaChoice | null; onChange: (choice: SchemaChoice | null) => void }) {
  const cluster = useCluster();
  const suggested = useQuery(topicSubjectsQuery(cluster, topic));
  const hasRegistry = suggested.data?.registry === true;
  const subjects = useQuery({ ...subjectListQuery(cluster, ALL_SUBJECTS), enabled: hasRegistry });
  const chosen = useQuery({ ...subjectQuery(cluster, value?.subject ?? ''), enabled: hasRegistry && !!value?.subject });
  const suggestion = suggested.data?.value?.subject;
  // The topic's own value subject is the likely choice: preselect it once it is known.
  useEffect(() => {
    if (suggestion && value === null) onChange({ subject: suggestion, version: 'latest' });
    // Only when the suggestion arrives; afterwards the person's choice stands.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [suggestion]);
  if (!hasRegistry) return null;
  const names = [...new Set([...(suggestion ? [suggestion] : []), ...(subjects.data?.items.map((s) => s.subject) ?? []), ...(value ? [value.subject] : [])])];
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <SelectField
        label="Value schema"
        value={value?.subject ?? NONE}
        hint={value ? 'Type the value as JSON: it is checked and encoded with this schema.' : 'The value is sent as typed (UTF-8).'}
        onChange={(e) => onChange(e.target.value === NONE ? null : { subject: e.target.value, version: 'latest' })}
      >
        <option value={NONE}>None (send the text as it is)</option>
        {names.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </SelectField>
      {value ? (
        <SelectField label="Schema version" value={String(value.version)} onChange={(e) => onChange({ subject: value.subject, version: e.target.value === 'latest' ? 'latest' : Number(e.target.value) })}>
          <option value="latest">Latest{chosen.data ? ` (${chosen.data.latest.version})` : ''}</option>
          {(chosen.data?.versions ?? []).map((v) => (
            <option key={v} value={v}>
              Version {v}
            </option>
          ))}
        </SelectField>
      ) : null}
    </div>
  );
}
