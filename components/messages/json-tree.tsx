'use client';
// A collapsible, syntax-coloured JSON tree. Every key and value is rendered as a React text node, so
// message contents can never become markup. Deep levels start collapsed and long arrays/objects show
// their first entries with a "show more", so a huge document stays responsive.
import { useState, type ReactNode } from 'react';
import { ExactNumber } from '@/lib/format/json-exact';

const CHUNK = 100;

function Scalar({ value }: { value: unknown }) {
  if (value === null) return <span className="text-zinc-500">null</span>;
  if (value instanceof ExactNumber) return <span className="text-sky-700 dark:text-sky-400">{value.source}</span>;
  switch (typeof value) {
    case 'string':
      return <span className="break-all text-emerald-700 dark:text-emerald-400">&quot;{value}&quot;</span>;
    case 'number':
      return <span className="text-sky-700 dark:text-sky-400">{String(value)}</span>;
    case 'boolean':
      return <span className="text-violet-700 dark:text-violet-400">{String(value)}</span>;
    default:
      return <span>{String(value)}</span>;
  }
}

function Label({ name }: { name: string | number | null }) {
  if (name === null) return null;
  return typeof name === 'number' ? (
    <span className="text-zinc-400">{name}: </span>
  ) : (
    <span className="text-rose-700 dark:text-rose-300">&quot;{name}&quot;: </span>
  );
}

function Node({ name, value, depth }: { name: string | number | null; value: unknown; depth: number }) {
  const isArray = Array.isArray(value);
  const isObject = value !== null && typeof value === 'object' && !(value instanceof ExactNumber);
  const [open, setOpen] = useState(depth < 2);
  const [shown, setShown] = useState(CHUNK);
  if (!isObject) {
    return (
      <div className="pl-4">
        <Label name={name} />
        <Scalar value={value} />
      </div>
    );
  }
  const entries: [string | number, unknown][] = isArray ? value.map((v, i) => [i, v]) : Object.entries(value as Record<string, unknown>);
  const [openB, closeB] = isArray ? ['[', ']'] : ['{', '}'];
  let body: ReactNode = null;
  if (open) {
    body = (
      <div className="border-l border-zinc-200 dark:border-zinc-800">
        {entries.slice(0, shown).map(([k, v]) => (
          <Node key={k} name={k} value={v} depth={depth + 1} />
        ))}
        {entries.length > shown ? (
          <button type="button" className="pl-4 text-xs text-emerald-700 hover:underline dark:text-emerald-400" onClick={() => setShown((s) => s + CHUNK * 10)}>
            show more ({entries.length - shown} hidden)
          </button>
        ) : null}
      </div>
    );
  }
  return (
    <div className={depth === 0 ? '' : 'pl-4'}>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="-ml-4 w-4 text-center text-zinc-400 hover:text-zinc-900 dark:hover:text-white"
        aria-label={open ? 'Collapse' : 'Expand'}
      >
        {open ? '▾' : '▸'}
      </button>
      <Label name={name} />
      <span className="text-zinc-500">{openB}</span>
      {open ? null : (
        <button type="button" onClick={() => setOpen(true)} className="px-1 text-xs text-zinc-400 hover:underline">
          {entries.length} {isArray ? 'items' : 'keys'}
        </button>
      )}
      {body}
      <span className="text-zinc-500">{closeB}</span>
    </div>
  );
}

export function JsonTree({ value }: { value: unknown }) {
  return (
    <div role="group" aria-label="JSON tree" className="pl-4 font-mono text-xs leading-5">
      <Node name={null} value={value} depth={0} />
    </div>
  );
}
