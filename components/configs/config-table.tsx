'use client';
// Configuration entries of a topic or broker. Values that differ from the default are highlighted
// and listed first; a filter narrows long lists. With `onEdit`, editable entries get an Edit button.
import { useMemo, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/feedback';
import { controlClass } from '@/components/ui/field';
import { tdClass, thClass } from '@/components/ui/virtual-table';
import type { ConfigEntry } from '@/lib/schemas/config';

export function ConfigTable({
  configs,
  label,
  onEdit,
}: {
  configs: readonly ConfigEntry[];
  label: string;
  onEdit?: (entry: ConfigEntry) => void;
}) {
  const [filter, setFilter] = useState('');
  const [onlyCustom, setOnlyCustom] = useState(false);
  const rows = useMemo(() => {
    const f = filter.toLowerCase();
    return [...configs]
      .filter((c) => (!f || c.name.toLowerCase().includes(f)) && (!onlyCustom || !c.isDefault))
      .sort((a, b) => Number(a.isDefault) - Number(b.isDefault) || a.name.localeCompare(b.name));
  }, [configs, filter, onlyCustom]);
  return (
    <div>
      <div className="flex flex-wrap items-center gap-3 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <label className="sr-only" htmlFor={`${label}-filter`}>
          Filter configs
        </label>
        <input id={`${label}-filter`} placeholder="Filter configs…" value={filter} onChange={(e) => setFilter(e.target.value)} className={`${controlClass} max-w-xs`} />
        <label className="flex items-center gap-1.5 text-sm">
          <input type="checkbox" checked={onlyCustom} onChange={(e) => setOnlyCustom(e.target.checked)} />
          Only non-default
        </label>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No configs match" />
      ) : (
        <div className="max-h-[32rem] overflow-auto" tabIndex={0} role="region" aria-label={`${label}, scrollable`}>
          <table aria-label={label} className="w-full border-separate border-spacing-0 text-sm">
            <thead>
              <tr>
                <th scope="col" className={`${thClass} text-left`}>Name</th>
                <th scope="col" className={`${thClass} text-left`}>Value</th>
                <th scope="col" className={`${thClass} text-left`}>Source</th>
                {onEdit ? <th scope="col" className={thClass}><span className="sr-only">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.name} className={c.isDefault ? '' : 'bg-amber-50/70 dark:bg-amber-950/30'}>
                  <td className={`${tdClass} font-mono text-xs`}>
                    {c.name} {c.isDefault ? null : <Badge tone="warn">custom</Badge>}
                  </td>
                  <td className={`${tdClass} font-mono text-xs break-all`}>
                    {c.isSensitive ? <span className="text-zinc-400">(sensitive)</span> : (c.value ?? <span className="text-zinc-400">null</span>)}
                  </td>
                  <td className={`${tdClass} text-xs text-zinc-500 dark:text-zinc-400`}>{c.source.toLowerCase().replaceAll('_', ' ')}</td>
                  {onEdit ? (
                    <td className={`${tdClass} text-right`}>
                      {c.readOnly || c.isSensitive ? null : (
                        <Button size="sm" variant="ghost" onClick={() => onEdit(c)} aria-label={`Edit ${c.name}`}>
                          Edit
                        </Button>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
