'use client';
// The browser's choices: partition, where to start, how many, which order, and the time zone. Each
// change rewrites the URL (and drops the paging cursor, since the view starts afresh).
import { SelectField, TextField } from '@/components/ui/field';
import { fromLocalInput, toLocalInput } from '@/lib/format/dates';
import type { BrowseUrl } from './browse-params';

type Patch = Partial<Record<keyof BrowseUrl, string | number | undefined>>;

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
      <SelectField label="Start from" className="w-36" value={u.from} onChange={(e) => set({ from: e.target.value })}>
        <option value="earliest">Earliest</option>
        <option value="latest">Latest</option>
        <option value="offset">Offset</option>
        <option value="timestamp">Timestamp</option>
      </SelectField>
      {u.from === 'offset' ? (
        <TextField
          label="Offset"
          className="w-40"
          inputMode="numeric"
          defaultValue={u.offset ?? '0'}
          key={u.offset ?? '0'}
          onBlur={(e) => /^\d{1,19}$/.test(e.target.value) && set({ offset: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && /^\d{1,19}$/.test(e.currentTarget.value)) set({ offset: e.currentTarget.value });
          }}
        />
      ) : null}
      {u.from === 'timestamp' ? (
        <TextField
          label="From (local time)"
          type="datetime-local"
          step={1}
          className="w-56"
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
      <SelectField label="Time zone" className="w-28" value={u.tz} onChange={(e) => onChange({ tz: e.target.value })}>
        <option value="local">Local</option>
        <option value="utc">UTC</option>
      </SelectField>
    </div>
  );
}
