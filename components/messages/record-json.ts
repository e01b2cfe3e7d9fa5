// A whole record as JSON for the clipboard: partition, offset, timestamp, key, headers and
// value. A key or value that is JSON (or was decoded to JSON from Avro, Protobuf, ...) is embedded as
// JSON with every number's text kept (lossless-json: 1e400 stays 1e400, 0.10 stays 0.10); text is a
// string; binary is base64, marked as such; a null stays null. Nothing is evaluated.
import { parseLossless, stringifyLossless } from '@/lib/format/json-exact';
import type { Header, Message, Payload } from '@/lib/schemas/message';

function payloadValue(p: Payload | null): unknown {
  if (p === null) return null;
  if (p.text !== null && p.encoding !== 'text' && p.encoding !== 'binary' && !p.truncated) {
    try {
      return parseLossless(p.text);
    } catch {
      // Not JSON after all: kept as text below.
    }
  }
  if (p.text !== null && p.encoding !== 'binary') return p.truncated ? { text: p.text, truncated: true, size: p.size } : p.text;
  return { base64: p.base64, size: p.size };
}

const headerValue = (h: Header) => (h.encoding === 'null' ? null : h.encoding === 'text' ? h.text : { base64: h.base64 });

export function recordJson(m: Message): string {
  return stringifyLossless({
    partition: m.partition,
    offset: m.offset,
    timestamp: m.timestamp,
    timestampType: m.timestampType,
    key: payloadValue(m.key),
    headers: m.headers.map((h) => ({ key: h.key, value: headerValue(h) })),
    value: payloadValue(m.value),
  });
}
