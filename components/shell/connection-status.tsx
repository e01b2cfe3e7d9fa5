'use client';
// The sidebar's footer: what Kafscope is connected to and which actions the server has switched
// off, so an operator knows why a button is missing.
import { ACTION_LABELS, useSwitches } from '@/components/settings/use-switches';

export function ConnectionStatus() {
  const { settings } = useSwitches();
  if (!settings) return null;
  const off = (Object.keys(ACTION_LABELS) as (keyof typeof ACTION_LABELS)[]).filter((k) => !settings.switches[k]);
  return (
    <div className="mt-auto space-y-1 border-t border-zinc-200 px-2 pt-3 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
      <p>
        <span className="font-medium text-zinc-700 dark:text-zinc-300">{settings.mode === 'embedded' ? 'Embedded broker' : 'Cluster'}</span>
        <br />
        <span className="font-mono break-all">{settings.bootstrap}</span>
      </p>
      {settings.switches.readOnly ? (
        <p className="font-medium text-amber-700 dark:text-amber-400">Read-only: every change is disabled</p>
      ) : off.length ? (
        <p>Disabled: {off.map((k) => ACTION_LABELS[k]).join(', ')}</p>
      ) : null}
    </div>
  );
}
