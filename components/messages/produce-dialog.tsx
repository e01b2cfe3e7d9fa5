'use client';
// Produce messages: a key (or none), a value (or a tombstone: a null value, not 0 bytes) with a JSON
// validity hint and a Format button that never changes a number's text, headers, a partition (or
// "by key"), an optional timestamp read in the page's time zone, and "one message per line" to send
// several at once with the same key and headers. Shows where they landed, with a link straight to
// the first (which closes the dialog: on the messages page the link only changes the URL, so the
// dialog would stay on top).
import Link from 'next/link';
import { useState } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { clusterPath } from '@/components/cluster/cluster-path';
import { ConfigRows, type ConfigRow } from '@/components/topics/config-rows';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/feedback';
import { SelectField, TextArea, TextField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { withQuery } from '@/lib/api/fetch-json';
import { useProduceMessage } from '@/lib/api/mutations/messages';
import { fromZoneInput, zoneLabel, type TimeZoneMode } from '@/lib/format/dates';
import { formatJsonExact } from '@/lib/format/json-exact';
import { formatInt64 } from '@/lib/format/numbers';
import { showBidiControls } from '@/lib/format/bidi';
import { PRODUCE_BATCH_MAX, type SchemaChoice } from '@/lib/schemas/message';
import { ProduceSchemaFields } from './produce-schema-fields';

function jsonHint(value: string): { ok: boolean; text: string } | undefined {
  const t = value.trim();
  if (!t || !/^[[{"]/.test(t)) return undefined;
  try {
    formatJsonExact(t);
    return { ok: true, text: 'Valid JSON' };
  } catch (e) {
    return { ok: false, text: `Not valid JSON: ${(e as Error).message}` };
  }
}

/** The values to send: the text as one value, or each non-empty line as its own. */
function valuesOf(value: string, perLine: boolean): string[] {
  return perLine ? value.split(/\r?\n/).filter((l) => l.trim() !== '') : [value];
}

export function ProduceDialog({ topic, partitions, open, onClose, tz = 'local' }: { topic: string; partitions: number; open: boolean; onClose: () => void; tz?: TimeZoneMode }) {
  const cluster = useCluster();
  const toast = useToast();
  const [key, setKey] = useState('');
  const [nullKey, setNullKey] = useState(false);
  const [value, setValue] = useState('');
  const [tombstone, setTombstone] = useState(false);
  const [perLine, setPerLine] = useState(false);
  const [timestamp, setTimestamp] = useState('');
  const [headers, setHeaders] = useState<ConfigRow[]>([]);
  const [partition, setPartition] = useState('');
  const [valueSchema, setValueSchema] = useState<SchemaChoice | null>(null);
  const hint = perLine || tombstone ? undefined : jsonHint(value);
  const ms = timestamp.trim() ? fromZoneInput(timestamp, tz) : undefined;
  const timestampError = ms !== undefined && !Number.isFinite(ms) ? 'A date and time: YYYY-MM-DD HH:MM:SS' : null;
  const values = tombstone ? [null] : valuesOf(value, perLine);
  const countError = values.length === 0 ? 'No lines to send' : values.length > PRODUCE_BATCH_MAX ? `At most ${PRODUCE_BATCH_MAX} messages at once` : null;
  const mutation = useProduceMessage(cluster, topic);
  const send = () => {
    const common = {
      key: nullKey ? null : key,
      headers: headers.filter((h) => h.key.trim()).map((h) => ({ key: h.key.trim(), value: h.value })),
      ...(partition !== '' && { partition: Number(partition) }),
      ...(ms !== undefined && { timestamp: ms }),
      ...(valueSchema && { valueSchema }),
    };
    mutation.mutate(values.length === 1 ? { ...common, value: values[0]! } : { messages: values.map((v) => ({ ...common, value: v })) }, {
      onSuccess: (r) =>
        toast.success(r.messages.length === 1 ? `Message written to partition ${r.partition} at offset ${formatInt64(r.offset)}` : `${r.messages.length} messages written`),
    });
  };
  const result = mutation.data;
  return (
    <Dialog
      open={open}
      wide
      onClose={() => {
        mutation.reset();
        onClose();
      }}
      title={`Produce to ${showBidiControls(topic)}`}
      footer={
        <>
          <Button onClick={onClose}>Close</Button>
          <Button variant="primary" disabled={mutation.isPending || timestampError !== null || countError !== null} onClick={send}>
            {mutation.isPending ? 'Sending…' : values.length > 1 ? `Produce ${values.length} messages` : 'Produce'}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        {mutation.error ? <ErrorBanner error={mutation.error} title="The message was not written" /> : null}
        {result ? (
          <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm dark:border-emerald-800 dark:bg-emerald-950/60">
            {result.messages.length > 1 ? `${result.messages.length} messages written; the first to ` : 'Written to '}
            partition <strong>{result.partition}</strong> at offset <strong>{formatInt64(result.offset)}</strong>.{' '}
            <Link prefetch={false} className="font-medium underline" onClick={onClose} href={withQuery(clusterPath(cluster, 'topics', topic, 'messages'), { partition: result.partition, from: 'offset', offset: result.offset, order: 'asc', limit: result.messages.length === 1 ? 1 : 50 })}>
              View it
            </Link>
          </p>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <TextField label="Key" value={key} disabled={nullKey} spellCheck={false} onChange={(e) => setKey(e.target.value)} />
            <label className="mt-1 flex items-center gap-1.5 text-xs">
              <input type="checkbox" checked={nullKey} onChange={(e) => setNullKey(e.target.checked)} /> No key (null)
            </label>
          </div>
          <SelectField label="Partition" value={partition} onChange={(e) => setPartition(e.target.value)}>
            <option value="">By key (hash; round-robin without a key)</option>
            {Array.from({ length: partitions }, (_, i) => (
              <option key={i} value={String(i)}>
                Partition {i}
              </option>
            ))}
          </SelectField>
        </div>
        <ProduceSchemaFields topic={topic} value={valueSchema} onChange={setValueSchema} />
        <div>
          <TextArea label="Value" rows={8} value={tombstone ? '' : value} disabled={tombstone} spellCheck={false} onChange={(e) => setValue(e.target.value)} />
          <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs">
            <label className="flex items-center gap-1.5">
              <input type="checkbox" checked={tombstone} onChange={(e) => setTombstone(e.target.checked)} /> Tombstone (null value)
            </label>
            <label className="flex items-center gap-1.5">
              <input type="checkbox" checked={perLine} disabled={tombstone} onChange={(e) => setPerLine(e.target.checked)} /> One message per line
            </label>
            <span className={`flex-1 ${countError ? 'text-amber-700 dark:text-amber-400' : hint ? (hint.ok ? 'text-emerald-700 dark:text-emerald-400' : 'text-amber-700 dark:text-amber-400') : 'text-zinc-500'}`}>
              {countError ?? (tombstone ? 'A null value: on a compacted topic it deletes the key' : perLine ? `${values.length} messages, same key and headers` : (hint?.text ?? 'Text or JSON'))}
            </span>
            <Button size="sm" variant="ghost" disabled={!hint?.ok} onClick={() => setValue(formatJsonExact(value.trim()))}>
              Format JSON
            </Button>
          </div>
        </div>
        <TextField
          label={`Timestamp (${zoneLabel(tz, ms)})`}
          hint="Empty: the time of sending"
          placeholder="YYYY-MM-DD HH:MM:SS"
          className="sm:w-80"
          spellCheck={false}
          value={timestamp}
          error={timestampError}
          onChange={(e) => setTimestamp(e.target.value)}
        />
        <div>
          <p className="mb-2 text-xs font-medium text-zinc-600 dark:text-zinc-400">Headers</p>
          <ConfigRows rows={headers} onChange={setHeaders} noun="Header" placeholder="header name" />
        </div>
      </div>
    </Dialog>
  );
}
