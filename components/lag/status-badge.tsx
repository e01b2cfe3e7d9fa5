// A group's or partition's verdict from the lag history (OK, WARN, STALL, STOP, REWIND, ERROR) as a
// badge whose tooltip is its one-line reason; "—" with the reason ("no history yet") before the
// sampler has seen it. One colour per status on every page.
import { Badge, type Tone } from '@/components/ui/badge';
import type { LagStatus } from '@/lib/schemas/lag-history';

const TONE: Record<LagStatus, Tone> = { OK: 'good', WARN: 'warn', STALL: 'warn', STOP: 'bad', REWIND: 'info', ERROR: 'bad' };

export function StatusBadge({ status, reason, testId }: { status: LagStatus | null; reason: string | null; testId?: string }) {
  if (status === null) {
    return (
      <span className="text-xs text-zinc-400" title={reason ?? undefined} data-testid={testId}>
        —
      </span>
    );
  }
  return (
    <span data-testid={testId} data-status={status}>
      <Badge tone={TONE[status]} title={reason ?? undefined}>
        {status}
      </Badge>
    </span>
  );
}
