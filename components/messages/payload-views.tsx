'use client';
// The raw views of a key or value: plain text (long text shown in slices) and a hex dump. Both are
// plain text nodes inside <pre>; nothing from a message is ever interpreted as HTML.
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { base64ToBytes, hexDump, textToBytes } from '@/lib/format/bytes';
import { formatBytes } from '@/lib/format/numbers';
import type { Header, Payload } from '@/lib/schemas/message';
import { showBidiControls } from '@/lib/format/bidi';

const TEXT_SLICE = 100_000;
export const preClass = 'max-h-[28rem] overflow-auto rounded-md bg-zinc-50 p-3 font-mono text-xs leading-5 whitespace-pre-wrap break-all dark:bg-zinc-950';

export function payloadBytes(p: Payload): Uint8Array {
  if (p.base64 !== null) return base64ToBytes(p.base64);
  return textToBytes(p.text ?? '');
}

/** `reveal` for a key, which names a record: its bidi controls are shown (lib/format/bidi.ts). */
export function TextView({ payload, reveal = false }: { payload: Payload; reveal?: boolean }) {
  const [all, setAll] = useState(false);
  const text = reveal ? showBidiControls(payload.text ?? '') : (payload.text ?? '');
  if (payload.text === null) return <p className="text-sm text-zinc-500">Not valid UTF-8 text: see the hex view.</p>;
  const cut = !all && text.length > TEXT_SLICE;
  return (
    <div>
      <pre aria-label="Plain text" className={preClass}>
        {cut ? text.slice(0, TEXT_SLICE) : text}
      </pre>
      {cut ? (
        <Button size="sm" className="mt-2" onClick={() => setAll(true)}>
          Show all {formatBytes(payload.size)}
        </Button>
      ) : null}
      {payload.truncated ? <p className="mt-1 text-xs text-amber-700 dark:text-amber-400">The server sent only the start of this {formatBytes(payload.size)} payload (pages share a size budget; a page of one message shows up to 1 MiB).</p> : null}
    </div>
  );
}

export function HexView({ payload }: { payload: Payload }) {
  const dump = useMemo(() => {
    const bytes = payloadBytes(payload);
    return { ...hexDump(bytes), total: bytes.length };
  }, [payload]);
  return (
    <div>
      <pre aria-label="Hex dump" className={`${preClass} whitespace-pre`}>
        {dump.text}
      </pre>
      {dump.shown < dump.total ? (
        <p className="mt-1 text-xs text-zinc-500">
          First {formatBytes(dump.shown)} of {formatBytes(dump.total)} shown.
        </p>
      ) : null}
    </div>
  );
}

export function HeadersView({ headers }: { headers: readonly Header[] }) {
  if (headers.length === 0) return <p className="text-sm text-zinc-500">No headers.</p>;
  return (
    <table aria-label="Headers" className="w-full text-xs">
      <thead>
        <tr className="text-left text-zinc-500">
          <th scope="col" className="py-1 pr-4 font-medium">Key</th>
          <th scope="col" className="py-1 font-medium">Value</th>
        </tr>
      </thead>
      <tbody>
        {headers.map((h, i) => (
          <tr key={i} className="border-t border-zinc-100 dark:border-zinc-800">
            <td className="py-1 pr-4 font-mono align-top">{showBidiControls(h.key)}</td>
            <td className="py-1 font-mono break-all">
              {h.encoding === 'null' ? (
                <span className="text-zinc-400">null</span>
              ) : h.encoding === 'binary' ? (
                <span title="Not valid UTF-8; shown as base64">
                  <span className="mr-1 text-amber-700 dark:text-amber-400">base64</span>
                  {h.base64}
                </span>
              ) : (
                h.text
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
