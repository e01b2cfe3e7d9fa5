'use client';
// Create a topic: name checked live with Kafka's rules, replication factor bounded by the broker
// count, the common configs as plain choices (retention also as any amount of minutes, hours or
// days) and any other config as key/value rows that autocomplete from Kafka's topic configs, with an
// unknown name flagged before sending. A server refusal (exists, invalid, too many replicas) is
// shown on the field it concerns.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { clusterPath } from '@/components/cluster/cluster-path';
import { Button, buttonClass } from '@/components/ui/button';
import { ErrorBanner } from '@/components/ui/feedback';
import { SelectField, TextField } from '@/components/ui/field';
import { Panel } from '@/components/ui/panel';
import { useToast } from '@/components/ui/toast';
import { ApiError } from '@/lib/api/fetch-json';
import { useCreateTopic } from '@/lib/api/mutations/topics';
import { overviewQuery } from '@/lib/api/queries/cluster';
import { ConfigRows, type ConfigRow } from './config-rows';
import { RETENTION_UNITS, TOPIC_CONFIG_DOCS, retentionMs, unknownConfigNames } from './topic-config-catalog';
import { fieldOf, nameError, nameHint, toRequest, validateDraft, type FieldErrors } from './create-topic-validation';

const RETENTION = [
  ['', 'Broker default'],
  ['3600000', '1 hour'],
  ['86400000', '1 day'],
  ['604800000', '7 days'],
  ['2592000000', '30 days'],
  ['-1', 'Forever'],
  ['custom', 'Custom…'],
] as const;

const CATALOG = { entries: TOPIC_CONFIG_DOCS, unknown: 'not a Kafka topic config' };
type Unit = (typeof RETENTION_UNITS)[number]['unit'];

export function CreateTopicForm() {
  const router = useRouter();
  const toast = useToast();
  const cluster = useCluster();
  const brokers = useQuery(overviewQuery(cluster)).data?.brokers.length;
  const [name, setName] = useState('');
  const [partitions, setPartitions] = useState('1');
  const [rf, setRf] = useState<string | null>(null);
  const [retention, setRetention] = useState('');
  const [customAmount, setCustomAmount] = useState('');
  const [customUnit, setCustomUnit] = useState<Unit>('days');
  const customMs = retention === 'custom' ? retentionMs(customAmount, customUnit) : null;
  const [retentionError, setRetentionError] = useState<string | undefined>();
  const [cleanup, setCleanup] = useState('');
  const [maxBytes, setMaxBytes] = useState('');
  const [extra, setExtra] = useState<ConfigRow[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const replication = rf ?? String(Math.min(3, brokers ?? 1));

  const mutation = useCreateTopic(cluster);
  const serverFieldError = mutation.error instanceof ApiError && fieldOf(mutation.error.field, mutation.error.status);

  const submit = () => {
    const unknown = unknownConfigNames(extra.map((r) => r.key));
    if (retention === 'custom' && customMs === null) {
      setRetentionError('A whole number of minutes, hours or days, more than 0.');
      return;
    }
    if (unknown.length > 0) {
      setErrors({ configs: `Not a Kafka topic config: ${unknown.join(', ')}.` });
      return;
    }
    const retentionValue = retention === 'custom' ? customMs : retention;
    const configs = [
      ...(retentionValue ? [{ key: 'retention.ms', value: retentionValue }] : []),
      ...(cleanup ? [{ key: 'cleanup.policy', value: cleanup }] : []),
      ...(maxBytes ? [{ key: 'max.message.bytes', value: maxBytes }] : []),
      ...extra,
    ];
    const draft = { name, partitions, replicationFactor: replication, configs };
    const found = validateDraft(draft, brokers);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    mutation.mutate(toRequest(draft), {
      onSuccess: (created) => {
        toast.success(`Topic ${created.name} created`);
        router.push(clusterPath(cluster, 'topics', created.name));
      },
      onError: (e) => {
        if (e instanceof ApiError) {
          const field = fieldOf(e.field, e.status);
          if (field) setErrors({ [field]: e.problem.detail ?? e.problem.title });
        }
      },
    });
  };
  const clear = (f: keyof FieldErrors) =>
    setErrors((e) => {
      const rest = { ...e };
      delete rest[f];
      return rest;
    });

  return (
    <form
      noValidate
      aria-label="Create topic"
      className="max-w-3xl space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {mutation.error && !serverFieldError ? <ErrorBanner error={mutation.error} title="The topic was not created" /> : null}
      <Panel title="Topic">
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            className="sm:col-span-3"
            label="Name"
            value={name}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            error={errors.name ?? nameError(name)}
            hint={nameHint(name) ?? 'Letters, digits, “.”, “_” and “-”; at most 249 characters.'}
            onChange={(e) => {
              setName(e.target.value);
              clear('name');
            }}
          />
          <TextField label="Partitions" type="number" min={1} inputMode="numeric" value={partitions} error={errors.partitions} onChange={(e) => { setPartitions(e.target.value); clear('partitions'); }} />
          <TextField
            label="Replication factor"
            type="number"
            min={1}
            inputMode="numeric"
            value={replication}
            error={errors.replicationFactor}
            hint={brokers ? `At most ${brokers} (brokers in the cluster)` : undefined}
            onChange={(e) => { setRf(e.target.value); clear('replicationFactor'); }}
          />
        </div>
      </Panel>
      <Panel title="Configuration">
        <div className="grid gap-4 sm:grid-cols-3">
          <div className="space-y-2">
            <SelectField label="Retention" value={retention} onChange={(e) => { setRetention(e.target.value); setRetentionError(undefined); }}>
              {RETENTION.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
            </SelectField>
            {retention === 'custom' ? (
              <div className="flex gap-2">
                <TextField label="Keep for" type="number" min={1} inputMode="numeric" value={customAmount} error={retentionError} onChange={(e) => { setCustomAmount(e.target.value); setRetentionError(undefined); }} />
                <SelectField label="Unit" value={customUnit} onChange={(e) => setCustomUnit(e.target.value as Unit)}>
                  {RETENTION_UNITS.map((u) => <option key={u.unit} value={u.unit}>{u.unit}</option>)}
                </SelectField>
              </div>
            ) : null}
          </div>
          <SelectField label="Cleanup policy" value={cleanup} onChange={(e) => setCleanup(e.target.value)}>
            <option value="">Broker default</option>
            <option value="delete">delete</option>
            <option value="compact">compact</option>
            <option value="compact,delete">compact, delete</option>
          </SelectField>
          <TextField label="Max message size (bytes)" type="number" min={0} placeholder="Broker default" value={maxBytes} onChange={(e) => setMaxBytes(e.target.value)} />
        </div>
        <div className="mt-4">
          <p className="mb-2 text-xs font-medium text-zinc-600 dark:text-zinc-400">Other configs</p>
          <ConfigRows rows={extra} catalog={CATALOG} onChange={(r) => { setExtra(r); clear('configs'); }} />
          {errors.configs ? <p role="alert" className="mt-2 text-xs text-red-600 dark:text-red-400">{errors.configs}</p> : null}
        </div>
      </Panel>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={mutation.isPending}>
          {mutation.isPending ? 'Creating…' : 'Create topic'}
        </Button>
        <Link prefetch={false} href={clusterPath(cluster, 'topics')} className={buttonClass()}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
