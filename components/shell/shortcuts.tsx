'use client';
// Keyboard shortcuts for the whole console (listed in shortcut-keys.ts and shown with `?`). They
// act on the page through a few attributes rather than through each page's state: the filter is
// the page's search box, rows are elements marked data-row-toggle (the message table's expand
// buttons), so pages stay unaware of the keyboard. Native <dialog>s close on Esc by themselves;
// while one is open, the page's shortcuts are off.
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { clusterPath, parseClusterPath } from '@/components/cluster/cluster-path';
import { Dialog } from '@/components/ui/dialog';
import { CHORD_MS, FILTER_SELECTOR, GO_TO, ROW_SELECTOR, SHORTCUTS, isTypingTarget } from './shortcut-keys';

function stepRow(by: 1 | -1): void {
  const rows = [...document.querySelectorAll<HTMLElement>(ROW_SELECTOR)];
  if (rows.length === 0) return;
  const at = rows.findIndex((r) => r === document.activeElement || r.closest('tr')?.contains(document.activeElement));
  const next = rows[at < 0 ? (by === 1 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + by))]!;
  next.focus();
  next.scrollIntoView({ block: 'nearest' });
}

export function Shortcuts() {
  const router = useRouter();
  const pathname = usePathname();
  const [help, setHelp] = useState(false);
  const chord = useRef(0);
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const cluster = parseClusterPath(pathname)?.cluster;
      if (chord.current && Date.now() - chord.current < CHORD_MS) {
        chord.current = 0;
        const section = GO_TO[e.key];
        if (section !== undefined && cluster !== undefined) {
          e.preventDefault();
          router.push(clusterPath(cluster, section));
        }
        return;
      }
      switch (e.key) {
        case '/': {
          const filter = document.querySelector<HTMLElement>(FILTER_SELECTOR);
          if (filter) {
            e.preventDefault();
            filter.focus();
          }
          return;
        }
        case '?':
          e.preventDefault();
          setHelp(true);
          return;
        case 'g':
          chord.current = Date.now();
          return;
        case 'j':
        case 'k':
          e.preventDefault();
          stepRow(e.key === 'j' ? 1 : -1);
          return;
        case 'Escape': {
          const open = document.querySelector<HTMLElement>(`${ROW_SELECTOR}[aria-expanded="true"]`);
          if (open) {
            open.click();
            open.focus();
          }
          return;
        }
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pathname, router]);
  return (
    <Dialog open={help} onClose={() => setHelp(false)} title="Keyboard shortcuts">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map((s) => (
          <div key={s.keys.join(' ')} className="contents">
            <dt>
              {s.keys.map((k, i) => (
                <kbd key={i} className="mr-1 rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-600 dark:bg-zinc-800">
                  {k}
                </kbd>
              ))}
            </dt>
            <dd>{s.does}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
