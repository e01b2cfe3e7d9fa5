'use client';
// Produce one message: key (or none), value with a JSON validity hint and a Format button, headers,
// and a partition (or "by key"). Shows where it landed, with a link straight to it (which closes the
// dialog: on the messages page the link only changes the URL, so the dialog would stay on top).
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
import { formatInt64 } from '@/lib/format/numbers';
import { showBidiControls } from '@/lib/format/bidi';
import type { SchemaChoice } from '@/lib/schemas/message';
import { ProduceSchemaFields } from './produce-schema-fields';

function jsonHint(value: string): { ok: boolean; text: string } | undefined {
  const t = value.trim();
  if (!t || !/^[[{"]/.test(t)) return undefined;
  try {
    JSON.parse(t);
    return { ok: true, text: 'Valid JSON' };
  } catch (e) {
    return { ok: false, text: `Not valid JSON: ${(e as Error).message}` };
  }
}

export function ProduceDialog({ topic, partitions, open, onClose }: { topic: string; partitions: number; open: boolean; onClose: () => void }) {
  const cluster = useCluster();
  const toast = useToast();
  const [key, setKey] = useState('');
  const [nullKey, setNullKey] = useState(false);
  const [value, setValue] = useState('');
  const [headers, setHeaders] = useState<ConfigRow[]>([]);
  const [partition, setPartition] = useState('');
  const [valueSchema, setValueSchema] = useState<SchemaChoice | null>(null);
  const hint = jsonHint(value);
  const mutation = useProduceMessage(cluster, topic);
  const send = () =>
    mutation.mutate(
      {
        key: nullKey ? null : key,
        value,
        headers: headers.filter((h) => h.key.trim()).map((h) => ({ key: h.key.trim(), value: h.value })),
        partition: partition === '' ? undefined : Number(partition),
        ...(valueSchema && { valueSchema }),
      },
      { onSuccess: (r) => toast.success(`Message written to partition ${r.partition} at offset ${formatInt64(r.offset)}`) },
    );
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
          <Button variant="primary" disabled={mutation.isPending} onClick={send}>
            {mutation.isPending ? 'Sending…' : 'Produce'}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        {mutation.error ? <ErrorBanner error={mutation.error} title="The message was not written" /> : null}
        {result ? (
          <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm dark:border-emerald-800 dark:bg-emerald-950/60">
            Written to partition <strong>{result.partition}</strong> at offset <strong>{formatInt64(result.offset)}</strong>.{' '}
            <Link className="font-medium underline" onClick={onClose} href={withQuery(clusterPath(cluster, 'topics', topic, 'messages'), { partition: result.partition, from: 'offset', offset: result.offset, limit: 1 })}>
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
          <TextArea label="Value" rows={8} value={value} spellCheck={false} onChange={(e) => setValue(e.target.value)} />
          <div className="mt-1 flex items-center justify-between text-xs">
            <span className={hint ? (hint.ok ? 'text-emerald-700 dark:text-emerald-400' : 'text-amber-700 dark:text-amber-400') : 'text-zinc-500'}>
              {hint?.text ?? 'Text or JSON'}
            </span>
            <Button size="sm" variant="ghost" disabled={!hint?.ok} onClick={() => setValue(JSON.stringify(JSON.parse(value), null, 2))}>
              Format JSON
            </Button>
          </div>
        </div>
        <div>
          <p className="mb-2 text-xs font-medium text-zinc-600 dark:text-zinc-400">Headers</p>
          <ConfigRows rows={headers} onChange={setHeaders} noun="Header" placeholder="header name" />
        </div>
      </div>
    </Dialog>
  );
}
