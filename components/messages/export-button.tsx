'use client';
// Export of the current view (partition, start, order, filter, formats) as NDJSON, JSON or CSV. The
// file is streamed from the server; the dialog shows records and bytes as they arrive, can cancel,
// then saves the file. The server's cap, when reached, is written at the end of the file and said
// here too.
import { useRef, useState } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/feedback';
import { SelectField, TextField } from '@/components/ui/field';
import { clusterApi } from '@/lib/api/cluster-url';
import { withBasePath } from '@/lib/common/base-path';
import { ApiError, parseResponse, withQuery } from '@/lib/api/fetch-json';
import { formatBytes, formatCount } from '@/lib/format/numbers';
import { ExportTrailerSchema, type ExportRequest } from '@/lib/schemas/streams';
import type { BrowseUrl } from './browse-params';

type Format = 'ndjson' | 'json' | 'csv';

/** The export query for the page's view: its start and order, partition, filter and formats. */
export function exportQueryOf(u: BrowseUrl, format: Format, limit: number | undefined): ExportRequest {
  return {
    format,
    partition: u.partition,
    from: u.from === 'offset' ? 'offset' : u.from === 'timestamp' ? 'timestamp' : 'earliest',
    offset: u.from === 'offset' ? (u.offset ?? '0') : undefined,
    timestamp: u.from === 'timestamp' ? (u.timestamp ?? 0) : undefined,
    order: u.order,
    filter: u.filter,
    keyFormat: u.keyFormat,
    valueFormat: u.valueFormat,
    protobufDesc: u.protobufDesc,
    protobufType: u.protobufType,
    limit,
  };
}

/** The incomplete-export note at the end of a file, if any. */
function trailerOf(tail: string, format: Format): string | null {
  const last = tail.trimEnd().split('\n').at(-1) ?? '';
  try {
    const raw: unknown = format === 'csv' ? JSON.parse(last.replace(/^# /, '')) : JSON.parse(last);
    const t = ExportTrailerSchema.safeParse((raw as { export?: unknown }).export);
    return t.success && !t.data.complete ? t.data.detail : null;
  } catch {
    return null;
  }
}

export function ExportButton({ topic, u }: { topic: string; u: BrowseUrl }) {
  const cluster = useCluster();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<Format>('ndjson');
  const [limit, setLimit] = useState('');
  const [progress, setProgress] = useState<{ bytes: number; records: number; done: boolean; note: string | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);

  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setProgress({ bytes: 0, records: 0, done: false, note: null });
    try {
      const url = withQuery(clusterApi(cluster, 'topics', topic, 'export'), { ...exportQueryOf(u, format, limit ? Number(limit) : undefined) });
      const res = await fetch(withBasePath(url), { signal: controller.signal });
      if (!res.ok || !res.body) {
        await parseResponse(res, ExportTrailerSchema);
        throw new ApiError({ type: 'about:blank', title: 'The export returned no file', status: res.status });
      }
      const parts: Uint8Array[] = [];
      const reader = res.body.getReader();
      let bytes = 0;
      let lines = 0;
      let tail = '';
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parts.push(value);
        bytes += value.byteLength;
        for (const b of value) if (b === 10) lines++;
        tail = (tail + decoder.decode(value, { stream: true })).slice(-4_000);
        setProgress({ bytes, records: Math.max(0, format === 'csv' ? lines - 1 : format === 'json' ? lines - 2 : lines), done: false, note: null });
      }
      const note = trailerOf(tail, format);
      setProgress({ bytes, records: Math.max(0, (format === 'csv' ? lines - 1 : format === 'json' ? lines - 2 : lines) - (note && format !== 'json' ? 1 : 0)), done: true, note });
      const blob = new Blob(parts as BlobPart[], { type: res.headers.get('content-type') ?? 'application/octet-stream' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `${topic}.${format}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (err) {
      if (!controller.signal.aborted) setError(err);
      setProgress(null);
    }
  };

  const running = progress !== null && !progress.done;
  return (
    <>
      <Button onClick={() => setOpen(true)}>Export</Button>
      <Dialog
        open={open}
        onClose={() => {
          abort.current?.abort();
          setOpen(false);
          setProgress(null);
        }}
        title="Export messages"
        footer={
          running ? (
            <Button variant="danger" onClick={() => abort.current?.abort()}>
              Cancel
            </Button>
          ) : (
            <Button variant="primary" onClick={() => void start()}>
              Download
            </Button>
          )
        }
      >
        <div className="space-y-3 text-sm">
          <p className="text-zinc-600 dark:text-zinc-400">
            {u.partition === undefined ? 'All partitions' : `Partition ${u.partition}`}, {u.from === 'offset' ? `from offset ${u.offset ?? 0}` : u.from === 'timestamp' ? 'from the chosen time' : 'from the earliest record'},{' '}
            {u.order === 'asc' ? 'oldest first' : 'newest first'} (partition by partition){u.filter ? `, filter: ${u.filter}` : ''}.
          </p>
          <SelectField label="Format" value={format} onChange={(e) => setFormat(e.target.value as Format)}>
            <option value="ndjson">NDJSON (one record per line)</option>
            <option value="json">JSON</option>
            <option value="csv">CSV</option>
          </SelectField>
          <TextField label="At most (records)" inputMode="numeric" value={limit} placeholder="the server's cap" onChange={(e) => setLimit(e.target.value.replace(/\D/g, ''))} />
          {progress ? (
            <p role="status" aria-label="Export progress" className="tabular-nums">
              {progress.done ? 'Saved' : 'Exporting'}: {formatCount(progress.records)} records, {formatBytes(progress.bytes)}
              {progress.note ? ` — ${progress.note}` : ''}
            </p>
          ) : null}
          {error ? <ErrorBanner error={error} title="Export failed" /> : null}
        </div>
      </Dialog>
    </>
  );
}
