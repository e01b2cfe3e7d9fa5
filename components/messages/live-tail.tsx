'use client';
// The messages page in Live mode (`mode=live`): new records, newest on top, in a virtualised window
// of at most `rows` rows. Pause keeps what arrives (up to the window) and marks what had to be
// skipped; Stop ends the stream (the server stops fetching); the rate is shown each second, and so
// is sampling when records come faster than frames can show them. Contents are rendered as text.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ErrorBanner } from '@/components/ui/feedback';
import { Panel } from '@/components/ui/panel';
import { tdClass, thClass } from '@/components/ui/virtual-table';
import { formatTimestamp, type TimeZoneMode } from '@/lib/format/dates';
import { formatCount, formatInt64 } from '@/lib/format/numbers';
import type { MessageFormat, Payload } from '@/lib/schemas/message';
import type { LiveRow } from './live-window';
import { useLiveTail } from './use-live-tail';

const ROW_HEIGHT = 33;
const PREVIEW = 160;

const text = (p: Payload | null) => (p === null ? 'null' : p.text !== null ? p.text.slice(0, PREVIEW) : `${(p.base64 ?? '').slice(0, 48)}…`);

function Rows({ rows, tz }: { rows: LiveRow[]; tz: TimeZoneMode }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8, initialRect: { width: 1200, height: 900 } });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div ref={scrollRef} className="overflow-auto" style={{ maxHeight: 'calc(100vh - 18rem)' }}>
      <table aria-label="Live messages" className="w-full table-fixed border-separate border-spacing-0 text-sm">
        <colgroup>
          <col className="w-24" />
          <col className="w-32" />
          <col className="w-52" />
          <col className="w-40" />
          <col />
        </colgroup>
        <thead>
          <tr>
            {['Partition', 'Offset', 'Timestamp', 'Key', 'Value'].map((h, i) => (
              <th key={h} scope="col" className={`${thClass} ${i < 2 ? 'text-right' : 'text-left'}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {top > 0 ? <tr aria-hidden style={{ height: top }} /> : null}
          {items.map((item) => {
            const row = rows[item.index]!;
            if (row.kind === 'skipped') {
              return (
                <tr key={row.id} style={{ height: ROW_HEIGHT }}>
                  <td colSpan={5} className={`${tdClass} bg-amber-50 text-center text-xs text-amber-900 dark:bg-amber-950/40 dark:text-amber-200`}>
                    {formatCount(row.count)} skipped while paused
                  </td>
                </tr>
              );
            }
            const m = row.message;
            return (
              <tr key={row.id} style={{ height: ROW_HEIGHT }}>
                <td className={`${tdClass} text-right tabular-nums`}>{m.partition}</td>
                <td className={`${tdClass} text-right font-mono text-xs tabular-nums`}>{formatInt64(m.offset)}</td>
                <td className={`${tdClass} text-xs whitespace-nowrap tabular-nums`}>{formatTimestamp(m.timestamp, tz)}</td>
                <td className={`${tdClass} truncate font-mono text-xs`}>{text(m.key)}</td>
                <td className={`${tdClass} truncate font-mono text-xs`}>{text(m.value)}</td>
              </tr>
            );
          })}
          {bottom > 0 ? <tr aria-hidden style={{ height: bottom }} /> : null}
        </tbody>
      </table>
    </div>
  );
}

export function LiveTail({
  topic,
  partition,
  filter,
  keyFormat,
  valueFormat,
  protobufDesc,
  protobufType,
  rows,
  tz,
}: {
  topic: string;
  partition: number | undefined;
  filter: string | undefined;
  keyFormat?: MessageFormat | undefined;
  valueFormat?: MessageFormat | undefined;
  protobufDesc?: string | undefined;
  protobufType?: string | undefined;
  rows: number;
  tz: TimeZoneMode;
}) {
  const { state, stop, restart, pause, resume } = useLiveTail(useCluster(), topic, { partition, filter, keyFormat, valueFormat, protobufDesc, protobufType }, rows);
  const running = state.status === 'live' || state.status === 'connecting';
  return (
    <Panel
      flush
      title={
        <span className="flex flex-wrap items-center gap-2 font-normal">
          <Badge tone={state.status === 'live' ? (state.paused ? 'warn' : 'good') : state.status === 'error' ? 'bad' : 'neutral'}>
            {state.status === 'live' ? (state.paused ? 'Paused' : 'Live') : state.status === 'connecting' ? 'Connecting…' : state.status === 'error' ? 'Stopped by an error' : 'Stopped'}
          </Badge>
          <span role="status" aria-label="Live rate" className="tabular-nums text-zinc-600 dark:text-zinc-400">
            {formatCount(state.perSecond)} msg/s · {formatCount(state.rows.filter((r) => r.kind === 'message').length)} shown (window {formatCount(rows)})
            {filter ? ` · ${formatCount(state.matched)} of ${formatCount(state.received)} passed the filter` : ''}
          </span>
          {state.sampledOut > 0 ? (
            <span role="note" className="text-amber-700 dark:text-amber-300">
              Sampling: arriving faster than the page can show; {formatCount(state.sampledOut)} not shown
            </span>
          ) : null}
          {state.paused ? (
            <span role="note" className="text-amber-700 dark:text-amber-300">
              {formatCount(state.held)} held{state.skipped > 0 ? `, ${formatCount(state.skipped)} skipped` : ''}
            </span>
          ) : null}
          {state.filterErrors > 0 ? (
            <span className="text-amber-700 dark:text-amber-300" title={state.firstFilterError ?? ''}>
              filter failed on {formatCount(state.filterErrors)} records
            </span>
          ) : null}
        </span>
      }
      actions={
        <>
          {running ? (
            state.paused ? (
              <Button size="sm" onClick={resume}>
                Resume
              </Button>
            ) : (
              <Button size="sm" onClick={pause}>
                Pause
              </Button>
            )
          ) : null}
          {running ? (
            <Button size="sm" variant="danger" onClick={stop}>
              Stop
            </Button>
          ) : (
            <Button size="sm" variant="primary" onClick={restart}>
              Start again
            </Button>
          )}
        </>
      }
    >
      {state.error ? (
        <div className="p-4">
          <ErrorBanner error={state.error} title="Live tail" onRetry={restart} />
        </div>
      ) : null}
      <Rows rows={state.rows} tz={tz} />
    </Panel>
  );
}
