'use client';
// The sidebar's footer: which cluster this page shows, where it connects, and what it does not
// allow. Read-only gets a banner of its own: with several clusters side by side, an operator must
// see at a glance whether the one in front of them can be changed from here.
import { ACTION_LABELS, useClusterSwitches } from '@/components/settings/use-switches';

export function ConnectionStatus({ cluster }: { cluster: string }) {
  const { settings } = useClusterSwitches(cluster);
  const off = settings ? (Object.keys(ACTION_LABELS) as (keyof typeof ACTION_LABELS)[]).filter((k) => !settings.switches[k]) : [];
  return (
    <div className="mt-auto space-y-2 border-t border-zinc-200 px-2 pt-3 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
      <p>
        <span className="block text-[0.7rem] font-medium tracking-wide uppercase">{settings?.mode === 'embedded' ? 'Embedded cluster' : 'Cluster'}</span>
        <span className="text-sm font-semibold break-all text-zinc-900 dark:text-white">{cluster}</span>
        {settings ? <span className="block font-mono break-all">{settings.bootstrap || 'starting…'}</span> : null}
      </p>
      {settings?.switches.readOnly ? (
        <p className="rounded-md bg-amber-100 px-2 py-1.5 text-sm font-semibold text-amber-900 ring-1 ring-amber-400 ring-inset dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-700">
          Read-only: every change is disabled
        </p>
      ) : off.length ? (
        <p>Disabled: {off.map((k) => ACTION_LABELS[k]).join(', ')}</p>
      ) : null}
    </div>
  );
}
