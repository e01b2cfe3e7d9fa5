'use client';
// Replay chosen messages to a topic of this or another cluster: the rows ticked on the page, every
// record the current filter keeps, or an offset range; keep key and headers or not; partition as
// in the source, by key, or one fixed; or the DLQ preset, "send each back to the topic named in
// header X". Preview asks the server for the plan (how many go where, what is skipped and why)
// without producing; Replay then streams progress and ends with where the records landed.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/feedback';
import { SelectField, TextField } from '@/components/ui/field';
import { clusterApi } from '@/lib/api/cluster-url';
import { sendJson } from '@/lib/api/fetch-json';
import { readNdjson } from '@/lib/api/ndjson-stream';
import { clusterListQuery } from '@/lib/api/queries/cluster';
import { formatCount } from '@/lib/format/numbers';
import { ReplayEventSchema, ReplayPlanSchema, type ReplayEvent, type ReplayPlan, type ReplayRequestInput } from '@/lib/schemas/streams';

type Choice = 'selected' | 'filter' | 'range';

export function ReplayDialog({
  topic,
  open,
  onClose,
  selected,
  filter,
  partition,
}: {
  topic: string;
  open: boolean;
  onClose: () => void;
  selected: { partition: number; offset: string }[];
  filter: string | undefined;
  partition: number | undefined;
}) {
  const cluster = useCluster();
  const clusters = useQuery({ ...clusterListQuery(), enabled: open });
  const [choice, setChoice] = useState<Choice>(selected.length > 0 ? 'selected' : filter ? 'filter' : 'range');
  const [range, setRange] = useState({ partition: String(partition ?? 0), from: '0', to: '0' });
  const [target, setTarget] = useState({ cluster, topic: '', dlq: false, header: 'x-original-topic' });
  const [keepKey, setKeepKey] = useState(true);
  const [keepHeaders, setKeepHeaders] = useState(true);
  const [partitioning, setPartitioning] = useState<'same' | 'key' | 'fixed'>('key');
  const [fixed, setFixed] = useState('0');
  const [plan, setPlan] = useState<ReplayPlan | null>(null);
  const [progress, setProgress] = useState<ReplayEvent | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const body = (dryRun: boolean): ReplayRequestInput => ({
    select:
      choice === 'selected'
        ? { kind: 'records', records: selected }
        : choice === 'filter'
          ? { kind: 'filter', filter: filter ?? '', partition }
          : { kind: 'range', partition: Number(range.partition), fromOffset: range.from || '0', toOffset: range.to || '0' },
    target: { cluster: target.cluster, ...(target.dlq ? { dlqHeader: target.header } : { topic: target.topic }) },
    keepKey,
    keepHeaders,
    partitioning,
    ...(partitioning === 'fixed' && { fixedPartition: Number(fixed) }),
    dryRun,
  });
  const url = clusterApi(cluster, 'topics', topic, 'replay');
  const preview = async () => {
    setBusy(true);
    setError(null);
    setProgress(null);
    try {
      setPlan(await sendJson('POST', url, body(true), ReplayPlanSchema));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const replay = async () => {
    setBusy(true);
    setError(null);
    try {
      await readNdjson(url, ReplayEventSchema, (e) => (e.type === 'plan' ? setPlan(e.plan) : setProgress(e)), new AbortController().signal, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body(false)),
      });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const edited = () => {
    setPlan(null);
    setProgress(null);
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      wide
      title="Replay messages"
      footer={
        <>
          <Button disabled={busy} onClick={() => void preview()}>
            Preview
          </Button>
          <Button variant="primary" disabled={busy || !plan || plan.toProduce === 0 || progress?.type === 'done'} onClick={() => void replay()}>
            Replay {plan ? formatCount(plan.toProduce) : ''} records
          </Button>
        </>
      }
    >
      <div className="grid gap-3 text-sm sm:grid-cols-2" onChange={edited}>
        <SelectField label="Messages" value={choice} onChange={(e) => setChoice(e.target.value as Choice)}>
          <option value="selected" disabled={selected.length === 0}>
            The {selected.length} selected on the page
          </option>
          <option value="filter" disabled={!filter}>
            All matching the filter{filter ? `: ${filter}` : ' (none set)'}
          </option>
          <option value="range">An offset range</option>
        </SelectField>
        {choice === 'range' ? (
          <div className="flex gap-2">
            <TextField label="Partition" className="w-24" value={range.partition} onChange={(e) => setRange({ ...range, partition: e.target.value })} />
            <TextField label="From offset" className="w-32" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} />
            <TextField label="To offset (incl.)" className="w-32" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} />
          </div>
        ) : (
          <div />
        )}
        <SelectField label="Target cluster" value={target.cluster} onChange={(e) => setTarget({ ...target, cluster: e.target.value })}>
          {(clusters.data?.clusters ?? [{ name: cluster }]).map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <label className="flex items-center gap-2 pt-6">
          <input type="checkbox" checked={target.dlq} onChange={(e) => setTarget({ ...target, dlq: e.target.checked })} /> DLQ: send each back to the topic named in a header
        </label>
        {target.dlq ? (
          <TextField label="Header naming the topic" value={target.header} onChange={(e) => setTarget({ ...target, header: e.target.value })} />
        ) : (
          <TextField label="Target topic" value={target.topic} onChange={(e) => setTarget({ ...target, topic: e.target.value })} />
        )}
        <SelectField label="Partition" value={partitioning} onChange={(e) => setPartitioning(e.target.value as typeof partitioning)}>
          <option value="key">By key (as the Java producer)</option>
          <option value="same">Same as the source</option>
          <option value="fixed">One partition</option>
        </SelectField>
        {partitioning === 'fixed' ? <TextField label="Target partition" value={fixed} onChange={(e) => setFixed(e.target.value)} /> : <div />}
        <div className="flex items-center gap-4">
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={keepKey} onChange={(e) => setKeepKey(e.target.checked)} /> Keep key
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={keepHeaders} onChange={(e) => setKeepHeaders(e.target.checked)} /> Keep headers
          </label>
        </div>
      </div>
      {error ? (
        <div className="mt-3">
          <ErrorBanner error={error} title="Replay" />
        </div>
      ) : null}
      {plan ? (
        <section aria-label="Replay plan" className="mt-4 space-y-2 text-sm">
          <p>
            {formatCount(plan.selected)} selected, <strong>{formatCount(plan.toProduce)}</strong> to produce on cluster {plan.cluster}
            {plan.skipped.length > 0 ? `, ${formatCount(plan.skipped.length)} skipped` : ''}.
          </p>
          <ul className="list-disc pl-5">
            {plan.destinations.map((d) => (
              <li key={`${d.topic}-${d.partition}`}>
                {d.topic} / partition {d.partition}: {formatCount(d.records)}
              </li>
            ))}
          </ul>
          {plan.skipped.slice(0, 5).map((s) => (
            <p key={`${s.partition}-${s.offset}`} className="text-amber-700 dark:text-amber-300">
              Skipped {s.partition}/{s.offset}: {s.reason}
            </p>
          ))}
        </section>
      ) : null}
      {progress ? (
        <p role="status" aria-label="Replay progress" className="mt-3 text-sm tabular-nums">
          {progress.type === 'progress'
            ? `Produced ${formatCount(progress.produced)} of ${formatCount(progress.total)}…`
            : progress.type === 'done'
              ? `Done: ${formatCount(progress.produced)} produced, ${formatCount(progress.skipped)} skipped. ${progress.written.map((w) => `${w.topic}/${w.partition} offsets ${w.firstOffset}–${w.lastOffset}`).join('; ')}`
              : progress.type === 'error'
                ? `Stopped after ${formatCount(progress.produced)}: ${progress.title}${progress.detail ? ` — ${progress.detail}` : ''}`
                : ''}
        </p>
      ) : null}
    </Dialog>
  );
}
