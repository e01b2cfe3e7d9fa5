// Data masking: named fields of a decoded JSON key or value are replaced, at any depth, before a
// message leaves the server. One function for every pipeline that hands records out (browse, search,
// and the streams that export or replay them). Numbers are read with lossless-json, so the fields
// left alone keep every digit of a 64-bit value. A payload a masking rule covers but that is not
// JSON cannot be masked field by field: a value is withheld whole rather than shown in clear. The raw
// bytes (base64) of a masked payload are dropped, since they would show what the text hides.
import { isLosslessNumber, parse, stringify } from 'lossless-json';
import type { Message, Payload } from '../schemas/message';

export const MASK = '****';

export type Masker = (m: Message) => Message;

function maskValue(v: unknown, fields: ReadonlySet<string>): { value: unknown; hit: boolean } {
  if (Array.isArray(v)) {
    let hit = false;
    const value = v.map((x) => {
      const r = maskValue(x, fields);
      hit ||= r.hit;
      return r.value;
    });
    return { value, hit };
  }
  if (v && typeof v === 'object' && !isLosslessNumber(v)) {
    let hit = false;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (fields.has(k)) {
        out[k] = MASK;
        hit = true;
      } else {
        const r = maskValue(x, fields);
        out[k] = r.value;
        hit ||= r.hit;
      }
    }
    return { value: out, hit };
  }
  return { value: v, hit: false };
}

export function maskPayload(p: Payload | null, fields: ReadonlySet<string>, withholdOpaque = true): Payload | null {
  if (!p) return p;
  if (p.text !== null && !p.truncated) {
    let parsed: unknown;
    try {
      parsed = parse(p.text);
    } catch {
      parsed = undefined;
    }
    if (parsed !== undefined && parsed !== null && typeof parsed === 'object') {
      const { value, hit } = maskValue(parsed, fields);
      if (!hit) return { ...p, base64: p.encoding === 'json' || p.encoding === 'text' ? p.base64 : null };
      return { ...p, text: stringify(value) ?? null, base64: null, notes: [...(p.notes ?? []), `Masked fields: ${[...fields].join(', ')}`] };
    }
    // A JSON scalar (a number, a string) has no fields to mask.
    if (parsed !== undefined) return p;
  }
  if (!withholdOpaque) return p;
  return { ...p, text: null, base64: null, error: 'Withheld: a masking rule covers this topic and the payload is not JSON, so it cannot be masked field by field.' };
}

export function maskerFor(fields: ReadonlySet<string>): Masker | null {
  if (fields.size === 0) return null;
  // Keys are usually plain names or ids: masked by field when JSON, never withheld.
  return (m) => ({ ...m, key: maskPayload(m.key, fields, false), value: maskPayload(m.value, fields) });
}
