'use client';
// The first two steps of the reset wizard: how to move the offsets (mode) and which partitions
// (scope). Pure form state; the wizard turns it into a ResetOffsetsRequest.
import { SelectField, TextField } from '@/components/ui/field';
import { fromLocalInput } from '@/lib/format/dates';
import type { ResetOffsetsRequest } from '@/lib/schemas/group';
import { showBidiControls } from '@/lib/format/bidi';

export interface ResetDraft {
  mode: ResetOffsetsRequest['mode'];
  timestamp: string; // datetime-local value
  offset: string;
  shift: string;
  scope: 'all' | 'topic' | 'partitions';
  topic: string;
  partitions: number[];
}

const MODES: [ResetDraft['mode'], string, string][] = [
  ['earliest', 'Earliest', 'Each partition’s log start: re-read everything still retained.'],
  ['latest', 'Latest', 'Each partition’s log end: skip everything not yet consumed.'],
  ['timestamp', 'Timestamp', 'The first offset at or after a moment in time.'],
  ['offset', 'Offset', 'One absolute offset, clamped to each partition’s range.'],
  ['shift', 'Shift by N', 'Move forward (+N) or back (−N) from the committed offset.'],
];

export function draftError(d: ResetDraft): string | undefined {
  if (d.mode === 'timestamp' && !Number.isFinite(fromLocalInput(d.timestamp))) return 'Choose a date and time';
  if (d.mode === 'offset' && !/^\d{1,19}$/.test(d.offset)) return 'Enter an offset (a whole number)';
  if (d.mode === 'shift' && !/^[+-]?\d{1,19}$/.test(d.shift)) return 'Enter a whole number, negative to move back';
  if (d.scope !== 'all' && !d.topic) return 'Choose a topic';
  if (d.scope === 'partitions' && d.partitions.length === 0) return 'Choose at least one partition';
  return undefined;
}

export function toResetRequest(d: ResetDraft): ResetOffsetsRequest {
  return {
    mode: d.mode,
    timestamp: d.mode === 'timestamp' ? fromLocalInput(d.timestamp) : undefined,
    offset: d.mode === 'offset' ? d.offset : undefined,
    shift: d.mode === 'shift' ? d.shift.replace(/^\+/, '') : undefined,
    topic: d.scope === 'all' ? undefined : d.topic,
    partitions: d.scope === 'partitions' ? d.partitions : undefined,
  };
}

export function ModeStep({ d, set }: { d: ResetDraft; set: (p: Partial<ResetDraft>) => void }) {
  return (
    <fieldset className="space-y-2">
      <legend className="mb-2 text-sm font-medium">Move the committed offsets to…</legend>
      {MODES.map(([mode, label, help]) => (
        <label key={mode} className="flex items-start gap-2 rounded-md border border-zinc-200 px-3 py-2 text-sm has-checked:border-emerald-500 dark:border-zinc-800">
          <input type="radio" name="reset-mode" className="mt-1" checked={d.mode === mode} onChange={() => set({ mode })} />
          <span>
            <span className="font-medium">{label}</span>
            <span className="block text-xs text-zinc-500">{help}</span>
          </span>
        </label>
      ))}
      {d.mode === 'timestamp' ? (
        <TextField label="Date and time (local)" type="datetime-local" step={1} value={d.timestamp} onChange={(e) => set({ timestamp: e.target.value })} />
      ) : null}
      {d.mode === 'offset' ? <TextField label="Offset" inputMode="numeric" value={d.offset} onChange={(e) => set({ offset: e.target.value.trim() })} /> : null}
      {d.mode === 'shift' ? <TextField label="Shift by (messages)" inputMode="numeric" placeholder="-100" value={d.shift} onChange={(e) => set({ shift: e.target.value.trim() })} /> : null}
    </fieldset>
  );
}

export function ScopeStep({ d, set, topics }: { d: ResetDraft; set: (p: Partial<ResetDraft>) => void; topics: Map<string, number[]> }) {
  const names = [...topics.keys()].sort();
  const parts = topics.get(d.topic) ?? [];
  return (
    <fieldset className="space-y-3">
      <legend className="mb-2 text-sm font-medium">Which partitions?</legend>
      {(
        [
          ['all', `All the group’s topics (${names.length})`],
          ['topic', 'One topic'],
          ['partitions', 'Chosen partitions of one topic'],
        ] as const
      ).map(([scope, label]) => (
        <label key={scope} className="flex items-center gap-2 text-sm">
          <input type="radio" name="reset-scope" checked={d.scope === scope} onChange={() => set({ scope, topic: d.topic || names[0] || '', partitions: [] })} />
          {label}
        </label>
      ))}
      {d.scope !== 'all' ? (
        <SelectField label="Topic" value={d.topic} onChange={(e) => set({ topic: e.target.value, partitions: [] })}>
          {names.map((n) => (
            <option key={n} value={n}>
              {showBidiControls(n)}
            </option>
          ))}
        </SelectField>
      ) : null}
      {d.scope === 'partitions' ? (
        <div className="flex flex-wrap gap-3 text-sm" role="group" aria-label="Partitions">
          {parts.map((p) => (
            <label key={p} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={d.partitions.includes(p)}
                onChange={(e) => set({ partitions: e.target.checked ? [...d.partitions, p].sort((a, b) => a - b) : d.partitions.filter((x) => x !== p) })}
              />
              {p}
            </label>
          ))}
        </div>
      ) : null}
    </fieldset>
  );
}
