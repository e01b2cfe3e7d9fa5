'use client';
// The browser's choices: partition, where to start, how many, which order, how keys and values are
// decoded, and the time zone. Each change rewrites the URL (and drops the paging cursor, since the
// view starts afresh).
import { useState } from 'react';
import { SelectField, TextField } from '@/components/ui/field';
import { fromLocalInput, toLocalInput } from '@/lib/format/dates';
import { MESSAGE_FORMATS, type MessageFormat } from '@/lib/schemas/message';
import type { BrowseUrl } from './browse-params';

type Patch = Partial<Record<keyof BrowseUrl, string | number | undefined>>;

const OFFSET = /^\d{1,19}$/;

const FORMAT_NAMES: Record<MessageFormat, string> = {
  auto: 'Auto',
  json: 'JSON',
  text: 'Text',
  avro: 'Avro',
  protobuf: 'Protobuf',
  'json-schema': 'JSON Schema',
  msgpack: 'MessagePack',
  int: 'Int (32-bit)',
  long: 'Long (64-bit)',
  binary: 'Binary',
};

/** A key or value format; "Cluster default" leaves the choice to the cluster's configuration. */
function FormatField({ label, value, onSet }: { label: string; value: MessageFormat | undefined; onSet: (format: string | undefined) => void }) {
  return (
    <SelectField label={label} className="w-40" value={value ?? ''} onChange={(e) => onSet(e.target.value === '' ? undefined : e.target.value)}>
      <option value="">Cluster default</option>
      {MESSAGE_FORMATS.map((f) => (
        <option key={f} value={f}>
          {FORMAT_NAMES[f]}
        </option>
      ))}
    </SelectField>
  );
}

/** Choosing "Timestamp" starts an hour back rather than at an empty picker (which meant the epoch). */
function startPatch(from: string, u: BrowseUrl): Patch {
  if (from === 'timestamp' && u.timestamp === undefined) return { from, timestamp: Math.floor((Date.now() - 3_600_000) / 1000) * 1000 };
  return { from };
}

/** The start offset, applied on Enter or leaving the field; anything but a whole number is flagged, not silently ignored. */
function OffsetField({ value, onSet }: { value: string; onSet: (offset: string) => void }) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const v = draft.trim();
    if (!OFFSET.test(v)) {
      setError('A whole number, 0 or more');
      return;
    }
    setError(null);
    if (v !== value) onSet(v);
  };
  return (
    <TextField
      label="Offset"
      className="w-40"
      inputMode="numeric"
      value={draft}
      error={error}
      onChange={(e) => {
        setDraft(e.target.value);
        setError(null);
      }}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter') apply();
      }}
    />
  );
}

export function BrowseControls({ u, partitions, onChange }: { u: BrowseUrl; partitions: number; onChange: (patch: Patch) => void }) {
  const set = (patch: Patch) => onChange({ ...patch, cursor: undefined, open: undefined });
  return (
    <div className="flex flex-wrap items-end gap-3">
      <SelectField label="Partition" className="w-36" value={u.partition === undefined ? '' : String(u.partition)} onChange={(e) => set({ partition: e.target.value === '' ? undefined : Number(e.target.value) })}>
        <option value="">All partitions</option>
        {Array.from({ length: Math.max(partitions, (u.partition ?? -1) + 1) }, (_, i) => (
          <option key={i} value={String(i)}>
            Partition {i}
          </option>
        ))}
      </SelectField>
      <SelectField label="Start from" className="w-36" value={u.from} onChange={(e) => set(startPatch(e.target.value, u))}>
        <option value="earliest">Earliest</option>
        <option value="latest">Latest</option>
        <option value="offset">Offset</option>
        <option value="timestamp">Timestamp</option>
      </SelectField>
      {u.from === 'offset' ? <OffsetField value={u.offset ?? '0'} onSet={(offset) => set({ offset })} key={u.offset ?? '0'} /> : null}
      {u.from === 'timestamp' ? (
        <TextField
          label="From (local time)"
          type="datetime-local"
          step={1}
          className="w-[17rem] max-w-full"
          value={u.timestamp !== undefined ? toLocalInput(u.timestamp) : ''}
          onChange={(e) => {
            const ms = fromLocalInput(e.target.value);
            if (Number.isFinite(ms)) set({ timestamp: ms });
          }}
        />
      ) : null}
      <SelectField label="Limit" className="w-24" value={String(u.limit)} onChange={(e) => set({ limit: Number(e.target.value) })}>
        {[...new Set([20, 50, 100, 250, 500, 1000, u.limit])].sort((a, b) => a - b).map((n) => (
          <option key={n}>{n}</option>
        ))}
      </SelectField>
      <SelectField label="Order" className="w-36" value={u.order} onChange={(e) => set({ order: e.target.value })}>
        <option value="desc">Newest first</option>
        <option value="asc">Oldest first</option>
      </SelectField>
      <FormatField label="Key format" value={u.keyFormat} onSet={(keyFormat) => set({ keyFormat })} />
      <FormatField label="Value format" value={u.valueFormat} onSet={(valueFormat) => set({ valueFormat })} />
      <SelectField label="Time zone" className="w-28" value={u.tz} onChange={(e) => onChange({ tz: e.target.value })}>
        <option value="local">Local</option>
        <option value="utc">UTC</option>
      </SelectField>
    </div>
  );
}
