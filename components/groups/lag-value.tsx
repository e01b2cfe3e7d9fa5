// A lag as Kafka's own tool shows it, with its anomaly in plain sight: a negative lag means the
// committed offset is above the log end (records the group says it read do not exist: a topic
// recreated, a reset by hand, a log truncated), so it is shown in red with a label and a reason,
// never clamped to 0 as if the group had caught up.
import { formatInt64 } from '@/lib/format/numbers';

export const isNegativeLag = (lag: string | null | undefined): boolean => !!lag && lag.startsWith('-');

export function LagValue({ lag, testId }: { lag: string | null | undefined; testId?: string }) {
  if (!isNegativeLag(lag)) return <span className="tabular-nums" data-testid={testId}>{formatInt64(lag)}</span>;
  return (
    <span
      className="inline-flex flex-wrap items-center gap-1 font-semibold text-red-700 tabular-nums dark:text-red-400"
      title="The committed offset is above the log end: Kafka's tool shows this negative lag too. The group would skip records written until the log reaches its offset."
      data-testid={testId}
    >
      <span className="whitespace-nowrap">{formatInt64(lag)}</span>
      <span className="whitespace-nowrap rounded bg-red-50 px-1 text-[10px] font-medium uppercase tracking-wide ring-1 ring-red-300 ring-inset dark:bg-red-950 dark:ring-red-800">above log end</span>
    </span>
  );
}
