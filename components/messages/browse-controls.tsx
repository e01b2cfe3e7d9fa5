'use client';
// The browser's choices: partition, where to start and where to stop (an offset or a time, read in
// the time zone chosen and named in the label), how many, which order, how keys and values are
// decoded (for unframed Protobuf, with which descriptor file and type), and the time zone. Each
// change rewrites the URL (and drops the paging cursor, since the view starts afresh). Typed offsets
// and times are applied on Enter or on leaving the field, and only when complete: a half-typed year
// is never read as year 2.
import { useState } from 'react';
import { SelectField, TextField } from '@/components/ui/field';
import { fromZoneInput, toZoneInput, zoneLabel, type TimeZoneMode } from '@/lib/format/dates';
import { MESSAGE_FORMATS, type MessageFormat } from '@/lib/schemas/message';
import type { BrowseUrl } from './browse-params';
import { ProtobufPickers } from './protobuf-pickers';

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

/** A key or value format; "Default" leaves the choice to the configuration (the topic's rule, else the cluster's default). */
function FormatField({ label, value, onSet }: { label: string; value: MessageFormat | undefined; onSet: (format: string | undefined) => void }) {
  return (
    <SelectField label={label} className="w-40" value={value ?? ''} onChange={(e) => onSet(e.target.value === '' ? undefined : e.target.value)}>
      <option value="">Default</option>
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

function stopPatch(to: string, u: BrowseUrl): Patch {
  if (to === 'timestamp' && u.toTimestamp === undefined) return { to, toTimestamp: Math.floor(Date.now() / 1000) * 1000 };
  return { to };
}

/** A typed value applied on Enter or on leaving the field, and only when `parse` accepts it; the text
 * stays as typed meanwhile, and anything unusable is flagged, not silently ignored. */
function DraftField<T>({ label, hint, initial, parse, problem, onSet, className }: { label: string; hint: string; initial: string; parse: (text: string) => T | null; problem: string; onSet: (v: T) => void; className: string }) {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const v = parse(draft);
    if (v === null) {
      setError(problem);
      return;
    }
    setError(null);
    if (draft.trim() !== initial) onSet(v);
  };
  return (
    <TextField
      label={label}
      hint={hint}
      className={className}
      spellCheck={false}
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

function OffsetField({ label, hint, value, onSet }: { label: string; hint: string; value: string; onSet: (offset: string) => void }) {
  return <DraftField label={label} hint={hint} className="w-44" initial={value} parse={(t) => (OFFSET.test(t.trim()) ? t.trim() : null)} problem="A whole number, 0 or more" onSet={onSet} key={value} />;
}

/** A time typed as YYYY-MM-DD HH:MM:SS, read in the chosen zone, which the label names. */
function TimeField({ label, hint, value, tz, onSet }: { label: string; hint: string; value: number | undefined; tz: TimeZoneMode; onSet: (ms: number) => void }) {
  const initial = value !== undefined ? toZoneInput(value, tz) : '';
  return (
    <DraftField
      label={`${label} (${zoneLabel(tz, value)})`}
      hint={hint}
      className="w-60"
      initial={initial}
      parse={(t) => {
        const ms = fromZoneInput(t, tz);
        return Number.isFinite(ms) ? ms : null;
      }}
      problem="A date and time: YYYY-MM-DD HH:MM:SS"
      onSet={onSet}
      key={`${initial}|${tz}`}
    />
  );
}

export function BrowseControls({ topic, u, partitions, onChange }: { topic: string; u: BrowseUrl; partitions: number; onChange: (patch: Patch) => void }) {
  const set = (patch: Patch) => onChange({ ...patch, cursor: undefined, open: undefined });
  // Which way the view reads: earliest forwards, latest backwards, otherwise in the order shown.
  const back = u.from === 'latest' || (u.from !== 'earliest' && u.order === 'desc');
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
      {u.from === 'offset' ? <OffsetField label="From offset" hint={back ? 'Newest first: this offset and older' : 'Oldest first: this offset and newer'} value={u.offset ?? '0'} onSet={(offset) => set({ offset })} /> : null}
      {u.from === 'timestamp' ? (
        <TimeField label="From" hint={back ? 'Newest first: at or before this time' : 'Oldest first: at or after this time'} value={u.timestamp} tz={u.tz} onSet={(timestamp) => set({ timestamp })} />
      ) : null}
      <SelectField label="Stop at" className="w-36" value={u.to} onChange={(e) => set(stopPatch(e.target.value, u))}>
        <option value="end">{back ? 'Log start' : 'Log end'}</option>
        <option value="offset">Offset</option>
        <option value="timestamp">Timestamp</option>
      </SelectField>
      {u.to === 'offset' ? <OffsetField label="To offset" hint={back ? 'Back to this offset, included' : 'Up to this offset, included'} value={u.toOffset ?? '0'} onSet={(toOffset) => set({ toOffset })} /> : null}
      {u.to === 'timestamp' ? (
        <TimeField label="To" hint={back ? 'Back to this time, included' : 'Up to this time, included'} value={u.toTimestamp} tz={u.tz} onSet={(toTimestamp) => set({ toTimestamp })} />
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
      <ProtobufPickers topic={topic} valueFormat={u.valueFormat} file={u.protobufDesc} type={u.protobufType} onSet={set} />
      <SelectField label="Time zone" className="w-28" value={u.tz} onChange={(e) => onChange({ tz: e.target.value })}>
        <option value="local">Local</option>
        <option value="utc">UTC</option>
      </SelectField>
    </div>
  );
}
