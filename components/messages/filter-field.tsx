'use client';
// The filter box of the messages page: a CEL expression (README "Filters") applied on the server to
// browsing, the live tail and exports, kept in the URL (`filter=`) so a link shares it. Filters can
// be saved per topic in this browser (localStorage) and picked again from the field's suggestions.
// A wrong expression comes back as a 400 whose position is shown under the field with a caret.
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { ApiError } from '@/lib/api/fetch-json';

const storageKey = (cluster: string, topic: string) => `kafscope.filters.${cluster}.${topic}`;

function savedFilters(cluster: string, topic: string): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(storageKey(cluster, topic)) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, 50) : [];
  } catch {
    return [];
  }
}

/** The problem's position in the expression, when the server gave one for the filter. */
export function filterProblem(error: unknown): { detail: string; start: number } | null {
  if (!(error instanceof ApiError) || error.problem.field !== 'filter') return null;
  return { detail: error.problem.detail ?? error.message, start: error.problem.position?.start ?? -1 };
}

/** Keyed by the applied filter (the parent), so a new URL value resets the draft. */
export function FilterField({ cluster, topic, value, onApply, error }: { cluster: string; topic: string; value: string | undefined; onApply: (filter: string | undefined) => void; error: unknown }) {
  const [draft, setDraft] = useState(value ?? '');
  const [saved, setSaved] = useState<string[]>([]);
  const listId = useId();
  const problem = filterProblem(error);
  const save = () => {
    const next = [draft, ...saved.filter((s) => s !== draft)].slice(0, 50);
    localStorage.setItem(storageKey(cluster, topic), JSON.stringify(next));
    setSaved(next);
  };
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft.trim() || undefined);
      }}
    >
      <div className="w-full max-w-96 min-w-0">
        <TextField
          label="Filter (CEL)"
          className="w-full"
          list={listId}
          value={draft}
          spellCheck={false}
          placeholder={'value.amount > 100 && headers["source"] == "web"'}
          onChange={(e) => setDraft(e.target.value)}
          onFocus={() => setSaved(savedFilters(cluster, topic))}
          error={problem ? problem.detail : undefined}
        />
        <datalist id={listId}>
          {saved.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        {problem && problem.start >= 0 ? (
          <pre aria-label="Filter error position" className="mt-1 overflow-x-auto font-mono text-xs text-red-700 dark:text-red-300">
            {draft}
            {'\n'}
            {' '.repeat(problem.start)}^
          </pre>
        ) : null}
      </div>
      <Button type="submit">Apply filter</Button>
      {value ? (
        <Button variant="ghost" onClick={() => onApply(undefined)}>
          Clear
        </Button>
      ) : null}
      {draft.trim() ? (
        <Button variant="ghost" onClick={save} title="Remember this filter for this topic in this browser">
          Save
        </Button>
      ) : null}
    </form>
  );
}
