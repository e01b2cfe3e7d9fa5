'use client';
// Messages as rows (partition, offset, time, key, value preview, headers, size) that expand in place
// into MessageDetail. Rows are virtualised with measured heights, so a 1,000-message page with a
// few rows open scrolls smoothly. Previews are cut short before rendering: a 2 MB value costs
// nothing until it is opened. Below the xl breakpoint (a laptop with the sidebar open) the header
// count and size columns step aside and the timestamp wraps, so the value keeps room to be read;
// both are still in the expanded view.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { Badge } from '@/components/ui/badge';
import { ResizeHandle, useColumnWidths } from '@/components/ui/column-widths';
import { tdClass, thClass } from '@/components/ui/virtual-table';
import { formatTimestamp, type TimeZoneMode } from '@/lib/format/dates';
import { formatBytes, formatInt64 } from '@/lib/format/numbers';
import type { Message, Payload } from '@/lib/schemas/message';
import { rowId } from './browse-params';
import { MessageDetail } from './lazy';
import { showBidiControls } from '@/lib/format/bidi';

const PREVIEW = 160;

/** A key is a name (`reveal`: its bidi controls are shown, see lib/format/bidi.ts); a value is data. */
function Preview({ p, reveal = false }: { p: Payload | null; reveal?: boolean }) {
  if (p === null) return <span className="text-zinc-400 italic">null</span>;
  return (
    <span className="flex min-w-0 items-center gap-1.5">
      {p.encoding === 'binary' ? <Badge tone="warn">binary</Badge> : null}
      {p.error ? <Badge tone="bad" title={p.error}>decode error</Badge> : null}
      {p.schema && !p.error ? (
        <Badge tone="info" title={`${p.encoding}, schema id ${p.schema.id}`}>
          {p.schema.subject ? `v${p.schema.version ?? '?'}` : `#${p.schema.id}`}
        </Badge>
      ) : p.encoding !== 'json' && p.encoding !== 'text' && p.encoding !== 'binary' ? (
        <Badge tone="info">{p.encoding}</Badge>
      ) : null}
      <span className="truncate font-mono text-xs">{p.text !== null ? (reveal ? showBidiControls(p.text.slice(0, PREVIEW)) : p.text.slice(0, PREVIEW)) : `${(p.base64 ?? '').slice(0, 48)}…`}</span>
    </span>
  );
}

/** Date and time as two unbreakable halves, so a narrow column wraps between them and nowhere else. */
function Timestamp({ ms, tz }: { ms: number; tz: TimeZoneMode }) {
  const text = formatTimestamp(ms, tz);
  const cut = text.indexOf(' ');
  if (cut < 0) return <>{text}</>;
  return (
    <>
      <span className="whitespace-nowrap">{text.slice(0, cut)}</span> <span className="whitespace-nowrap">{text.slice(cut + 1)}</span>
    </>
  );
}

const HEADERS = ['', 'Partition', 'Offset', 'Timestamp', 'Key', 'Value', 'Headers', 'Size'];
/** Columns the reader may resize, by header position; the value column takes what they leave. */
const RESIZABLE: Partial<Record<number, 'timestamp' | 'key'>> = { 3: 'timestamp', 4: 'key' };
/** Their widths at the xl breakpoint until the reader sets one (xl:w-60, xl:w-48 below). */
const DEFAULT_WIDTHS = { timestamp: 240, key: 192 };
/** Columns shown only from the xl breakpoint on. */
const WIDE_ONLY = 'hidden xl:table-cell';

export function MessageTable({
  messages,
  tz,
  open,
  onToggle,
  label = 'Messages',
  selected,
  onSelect,
}: {
  messages: readonly Message[];
  tz: TimeZoneMode;
  open: string | undefined;
  onToggle: (id: string | undefined) => void;
  label?: string;
  /** Rows ticked for a replay (by rowId); with onSelect, each row gets a checkbox. */
  selected?: ReadonlySet<string>;
  onSelect?: (id: string, on: boolean) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [widths, setWidth] = useColumnWidths('kafscope.messages.columns');
  const headerCells = useRef<Partial<Record<'timestamp' | 'key', HTMLTableCellElement | null>>>({});
  // Stable measuring functions, one per resizable column.
  const headerWidth = useMemo(
    () => ({
      timestamp: () => headerCells.current.timestamp?.getBoundingClientRect().width ?? 0,
      key: () => headerCells.current.key?.getBoundingClientRect().width ?? 0,
    }),
    [],
  );
  // The React Compiler is not enabled here, so the hook's non-memoisable return value is harmless.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (messages[i] && rowId(messages[i]) === open ? 420 : 37),
    overscan: 10,
    initialRect: { width: 1200, height: 900 },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div ref={scrollRef} className="overflow-auto" style={{ maxHeight: 'calc(100vh - 18rem)' }}>
      <table aria-label={label} className="w-full min-w-[44rem] table-fixed border-separate border-spacing-0 text-sm">
        <colgroup>
          <col className={onSelect ? 'w-14' : 'w-8'} />
          <col className="w-28" />
          <col className="w-28 xl:w-36" />
          <col className="w-40 xl:w-60" style={widths.timestamp ? { width: widths.timestamp } : undefined} />
          <col className="w-32 xl:w-48" style={widths.key ? { width: widths.key } : undefined} />
          <col />
          {/* Zero-width rather than display:none, so the expanded row's colSpan still covers the table. */}
          <col className="w-0 xl:w-24" />
          <col className="w-0 xl:w-24" />
        </colgroup>
        <thead>
          <tr>
            {HEADERS.map((h, i) => {
              const resizable = RESIZABLE[i];
              return (
                <th
                  key={i}
                  scope="col"
                  ref={resizable ? (el) => void (headerCells.current[resizable] = el) : undefined}
                  className={`${thClass} ${i >= 6 || i === 2 || i === 1 ? 'text-right' : 'text-left'} ${i >= 6 ? WIDE_ONLY : ''} ${resizable ? 'relative' : ''}`}
                >
                  {h}
                  {resizable ? (
                    <ResizeHandle
                      label={`Width of the ${h} column`}
                      now={widths[resizable] ?? DEFAULT_WIDTHS[resizable]}
                      width={headerWidth[resizable]}
                      onResize={(px) => setWidth(resizable, px)}
                    />
                  ) : null}
                </th>
              );
            })}
          </tr>
        </thead>
        {top > 0 ? (
          <tbody aria-hidden>
            <tr style={{ height: top }} />
          </tbody>
        ) : null}
        {items.map((item) => {
          const m = messages[item.index]!;
          const id = rowId(m);
          const expanded = id === open;
          const size = (m.key?.size ?? 0) + (m.value?.size ?? 0);
          return (
            <tbody key={id} data-index={item.index} ref={virtualizer.measureElement}>
              <tr className={`cursor-pointer ${expanded ? 'bg-emerald-50/60 dark:bg-emerald-950/30' : 'hover:bg-zinc-50 dark:hover:bg-zinc-800/40'}`} onClick={() => onToggle(expanded ? undefined : id)}>
                <td className={`${tdClass} whitespace-nowrap`}>
                  {onSelect ? (
                    <input
                      type="checkbox"
                      className="mr-2 align-middle"
                      aria-label={`Select message ${m.partition}/${m.offset}`}
                      checked={selected?.has(id) ?? false}
                      onClick={(e) => e.stopPropagation()}
                      onChange={(e) => onSelect(id, e.target.checked)}
                    />
                  ) : null}
                  <button
                    type="button"
                    data-row-toggle
                    aria-expanded={expanded}
                    aria-label={`${expanded ? 'Collapse' : 'Expand'} message ${m.partition}/${m.offset}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      onToggle(expanded ? undefined : id);
                    }}
                    className="text-zinc-500 hover:text-zinc-900 dark:hover:text-white"
                  >
                    {expanded ? '▾' : '▸'}
                  </button>
                </td>
                <td className={`${tdClass} text-right tabular-nums`}>{m.partition}</td>
                <td className={`${tdClass} text-right font-mono text-xs tabular-nums`}>{formatInt64(m.offset)}</td>
                <td className={`${tdClass} text-xs tabular-nums`} title={m.timestampType}>
                  <Timestamp ms={m.timestamp} tz={tz} />
                  {m.timestampType === 'LogAppendTime' ? <span className="ml-1 text-zinc-400">(log)</span> : null}
                </td>
                <td className={`${tdClass} overflow-hidden`}>
                  <Preview p={m.key} reveal />
                </td>
                <td className={`${tdClass} overflow-hidden`}>
                  <Preview p={m.value} />
                </td>
                <td className={`${tdClass} ${WIDE_ONLY} text-right tabular-nums`}>{m.headers.length || ''}</td>
                <td className={`${tdClass} ${WIDE_ONLY} text-right text-xs tabular-nums`}>{formatBytes(size)}</td>
              </tr>
              {expanded ? (
                <tr>
                  <td colSpan={8} className="border-b border-zinc-200 p-0 dark:border-zinc-800">
                    <MessageDetail message={m} />
                  </td>
                </tr>
              ) : null}
            </tbody>
          );
        })}
        {bottom > 0 ? (
          <tbody aria-hidden>
            <tr style={{ height: bottom }} />
          </tbody>
        ) : null}
      </table>
    </div>
  );
}
