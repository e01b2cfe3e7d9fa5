'use client';
// Free key/value rows: extra configs on the create-topic form, headers in the produce dialog.
import { Button } from '@/components/ui/button';
import { controlClass } from '@/components/ui/field';

export interface ConfigRow {
  key: string;
  value: string;
}

export function ConfigRows({
  rows,
  onChange,
  noun = 'Config',
  placeholder = 'name, e.g. min.insync.replicas',
}: {
  rows: ConfigRow[];
  onChange: (rows: ConfigRow[]) => void;
  noun?: string;
  placeholder?: string;
}) {
  const set = (i: number, patch: Partial<ConfigRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="space-y-2">
      {rows.map((r, i) => (
        <div key={i} className="flex gap-2">
          <input aria-label={`${noun} name ${i + 1}`} placeholder={placeholder} value={r.key} onChange={(e) => set(i, { key: e.target.value })} className={`${controlClass} font-mono`} />
          <input aria-label={`${noun} value ${i + 1}`} placeholder="value" value={r.value} onChange={(e) => set(i, { value: e.target.value })} className={`${controlClass} font-mono`} />
          <Button variant="ghost" aria-label={`Remove ${noun.toLowerCase()} ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            ✕
          </Button>
        </div>
      ))}
      <Button size="sm" onClick={() => onChange([...rows, { key: '', value: '' }])}>
        + Add {noun.toLowerCase()}
      </Button>
    </div>
  );
}
