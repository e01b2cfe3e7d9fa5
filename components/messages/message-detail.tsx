'use client';
// An expanded message: tabs for the pretty JSON tree, the plain text, a hex dump and the headers,
// for the value and the key, with copy buttons. A value decoded through the schema registry shows
// its schema (subject, version, id) beside the tree; one that could not be decoded shows the reason
// as a badge and its raw bytes. The JSON is parsed only when this opens. Copy JSON and Copy record
// keep every number's text as the message wrote it.
import { useMemo, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { CopyButton } from '@/components/ui/copy-button';
import { formatJsonExact, parseJsonExact } from '@/lib/format/json-exact';
import { formatBytes } from '@/lib/format/numbers';
import type { Message, Payload } from '@/lib/schemas/message';
import { JsonTree } from './json-tree';
import { recordJson } from './record-json';
import { HeadersView, HexView, TextView } from './payload-views';

type Tab = 'json' | 'text' | 'hex' | 'headers';

/** The JSON pretty-printed with its numbers as written; the text itself if lossless-json refuses it
 * (duplicate keys, which JSON.parse tolerates). */
function exactOr(text: string): string {
  try {
    return formatJsonExact(text);
  } catch {
    return text;
  }
}

function parseJson(p: Payload | null): { ok: true; value: unknown } | { ok: false } {
  if (!p || p.encoding === 'text' || p.encoding === 'binary' || p.text === null || p.truncated) return { ok: false };
  try {
    return { ok: true, value: parseJsonExact(p.text) };
  } catch {
    return { ok: false };
  }
}

const ENCODING_NAMES: Partial<Record<Payload['encoding'], string>> = {
  avro: 'Avro',
  protobuf: 'Protobuf',
  'json-schema': 'JSON Schema',
  msgpack: 'MessagePack',
  int: 'Int',
  long: 'Long',
};

/** How the payload was decoded: its format and the registry schema it named, as plain text. */
function FormatLine({ payload }: { payload: Payload }) {
  const name = ENCODING_NAMES[payload.encoding];
  const s = payload.schema;
  if (!name && !s && !payload.notes?.length) return null;
  return (
    <span aria-label="Decoded as" className="text-xs text-zinc-600 dark:text-zinc-400">
      {name ? <Badge tone="info">{name}</Badge> : null}
      {s ? (
        <span className="ml-1" title={s.type ? `${s.type} schema` : undefined}>
          {s.subject ? `${s.subject} v${s.version ?? '?'}` : 'schema'} · id {s.id}
        </span>
      ) : null}
      {payload.notes?.map((n, i) => (
        <span key={i} className="ml-1 italic">
          {n}
        </span>
      ))}
    </span>
  );
}

function PayloadTabs({ payload, what, headers }: { payload: Payload | null; what: 'Value' | 'Key'; headers?: Message['headers'] }) {
  const json = useMemo(() => parseJson(payload), [payload]);
  const tabs: Tab[] = [...(json.ok ? (['json'] as const) : []), 'text', 'hex', ...(headers ? (['headers'] as const) : [])];
  const [tab, setTab] = useState<Tab>(json.ok ? 'json' : payload?.encoding === 'binary' ? 'hex' : 'text');
  const names: Record<Tab, string> = { json: 'JSON', text: 'Text', hex: 'Hex', headers: `Headers (${headers?.length ?? 0})` };
  return (
    <section aria-label={what} className="min-w-0">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">{what}</h3>
        <div role="tablist" aria-label={`${what} views`} className="flex gap-1">
          {tabs.map((t) => (
            <button
              key={t}
              role="tab"
              type="button"
              aria-selected={tab === t}
              onClick={() => setTab(t)}
              className={`rounded px-2 py-0.5 text-xs ${tab === t ? 'bg-zinc-800 text-white dark:bg-zinc-200 dark:text-zinc-900' : 'text-zinc-600 hover:bg-zinc-200 dark:text-zinc-400 dark:hover:bg-zinc-800'}`}
            >
              {names[t]}
            </button>
          ))}
        </div>
        <span className="flex-1" />
        {payload ? <FormatLine payload={payload} /> : null}
        {payload?.error ? <Badge tone="bad">{payload.error}</Badge> : null}
        {json.ok && payload?.text != null ? <CopyButton label="Copy JSON" text={() => exactOr(payload.text!)} /> : null}
        {payload?.text != null ? <CopyButton label="Copy text" text={payload.text} /> : null}
        {payload?.base64 != null ? <CopyButton label="Copy base64" text={payload.base64} /> : null}
      </div>
      <div role="tabpanel" aria-label={names[tab]}>
        {tab === 'headers' ? (
          <HeadersView headers={headers ?? []} />
        ) : payload === null ? (
          <p className="text-sm text-zinc-500">null</p>
        ) : tab === 'json' && json.ok ? (
          <div className="max-h-[28rem] overflow-auto rounded-md bg-zinc-50 p-3 dark:bg-zinc-950">
            <JsonTree value={json.value} />
          </div>
        ) : tab === 'hex' ? (
          <HexView payload={payload} />
        ) : (
          <TextView payload={payload} reveal={what === 'Key'} />
        )}
      </div>
    </section>
  );
}

export function MessageDetail({ message }: { message: Message }) {
  return (
    <div className="space-y-4 bg-zinc-50/60 px-4 py-3 dark:bg-zinc-900/60">
      {/* Keyed by encoding: a payload that decodes differently on a refresh starts on its own default tab. */}
      <PayloadTabs key={`v-${message.value?.encoding}`} payload={message.value} what="Value" headers={message.headers} />
      <PayloadTabs key={`k-${message.key?.encoding}`} payload={message.key} what="Key" />
      <p className="flex flex-wrap items-center gap-2 text-xs text-zinc-500">
        <CopyButton label="Copy record" text={() => recordJson(message)} />
        {message.timestampType}
        {` · key ${formatBytes(message.key?.size ?? 0)}, value ${formatBytes(message.value?.size ?? 0)}`}
        {message.compression ? ` · compression ${message.compression}` : ''}
        {message.transactional ? ' · transactional' : ''}
      </p>
    </div>
  );
}
