'use client';
// A compatibility level, and where editing is allowed a select to change it: the global level, or a
// subject's own (with "follow the global level" to drop it).
import { useSwitches } from '@/components/settings/use-switches';
import { ErrorBanner } from '@/components/ui/feedback';
import { useSetCompatibility } from '@/lib/api/mutations/schemas';
import { COMPATIBILITY_LEVELS, type CompatibilityLevel } from '@/lib/schemas/schema-registry';
import { controlLook } from '@/components/ui/field';

const GLOBAL = '';

export function CompatibilityControl({
  cluster,
  subject,
  level,
  own,
}: {
  cluster: string;
  /** null: the global level. */
  subject: string | null;
  level: CompatibilityLevel;
  own: boolean;
}) {
  const { can } = useSwitches();
  const mutation = useSetCompatibility(cluster, subject);
  const label = subject === null ? 'Global compatibility' : 'Compatibility';
  if (!can('schemaEdit')) {
    return (
      <span className="text-sm">
        {label}: <strong>{level}</strong>
        {subject !== null && !own ? <span className="text-zinc-500"> (global)</span> : null}
      </span>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-sm">
      <label>
        {label}{' '}
        <select
          className={`${controlLook} w-56`}
          value={subject !== null && !own ? GLOBAL : level}
          disabled={mutation.isPending}
          onChange={(e) => mutation.mutate(e.target.value === GLOBAL ? null : (e.target.value as CompatibilityLevel))}
        >
          {subject !== null ? <option value={GLOBAL}>Global level ({own ? 'not followed' : level})</option> : null}
          {COMPATIBILITY_LEVELS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      {mutation.error ? <ErrorBanner error={mutation.error} title="The level was not changed" /> : null}
    </span>
  );
}
