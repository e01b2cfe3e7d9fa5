'use client';
// Free key/value rows: extra configs on the create-topic form, headers in the produce dialog. Given
// a catalog of known names (the create-topic form passes Kafka's topic configs), the name field
// autocompletes from it, shows the type and documentation of a known name, and flags an unknown one
// before anything is sent.
import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { controlClass } from '@/components/ui/field';

export interface NameCatalog {
  /** Name, type and one line of documentation of each known name. */
  entries: readonly { name: string; type: string; doc: string }[];
  /** What an unknown name is called ("not a topic config"). */
  unknown: string;
}

export interface ConfigRow {
  key: string;
  value: string;
}

export function ConfigRows({
  rows,
  onChange,
  noun = 'Config',
  placeholder = 'name, e.g. min.insync.replicas',
  catalog,
}: {
  rows: ConfigRow[];
  onChange: (rows: ConfigRow[]) => void;
  noun?: string;
  placeholder?: string;
  catalog?: NameCatalog;
}) {
  const set = (i: number, patch: Partial<ConfigRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const listId = useId();
  const known = (name: string) => catalog?.entries.find((e) => e.name === name.trim());
  return (
    <div className="space-y-2">
      {catalog ? (
        <datalist id={listId}>
          {catalog.entries.map((e) => (
            <option key={e.name} value={e.name} label={`${e.type}: ${e.doc}`} />
          ))}
        </datalist>
      ) : null}
      {rows.map((r, i) => {
        const entry = known(r.key);
        const unknown = catalog && r.key.trim() !== '' && !entry;
        return (
        <div key={i}>
        <div className="flex gap-2">
          <input
            aria-label={`${noun} name ${i + 1}`}
            aria-invalid={unknown || undefined}
            aria-describedby={catalog && r.key.trim() ? `${listId}-${i}` : undefined}
            list={catalog ? listId : undefined}
            autoComplete="off"
            spellCheck={false}
            placeholder={placeholder}
            value={r.key}
            onChange={(e) => set(i, { key: e.target.value })}
            className={`${controlClass} font-mono`}
          />
          <input aria-label={`${noun} value ${i + 1}`} placeholder="value" value={r.value} onChange={(e) => set(i, { value: e.target.value })} className={`${controlClass} font-mono`} />
          <Button variant="ghost" aria-label={`Remove ${noun.toLowerCase()} ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            ✕
          </Button>
        </div>
        {catalog && r.key.trim() ? (
          <p id={`${listId}-${i}`} className={`mt-1 text-xs ${unknown ? 'text-red-700 dark:text-red-300' : 'text-zinc-600 dark:text-zinc-400'}`}>
            {entry ? `${entry.type} · ${entry.doc}` : `“${r.key.trim()}” is ${catalog.unknown}.`}
          </p>
        ) : null}
        </div>
        );
      })}
      <Button size="sm" onClick={() => onChange([...rows, { key: '', value: '' }])}>
        + Add {noun.toLowerCase()}
      </Button>
    </div>
  );
}
