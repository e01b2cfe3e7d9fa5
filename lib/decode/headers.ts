// Record headers as the browser shows them: text when the value is valid UTF-8, base64 otherwise,
// and an explicit null. kafkajs hands headers over as an object whose repeated keys became arrays;
// this flattens them back into a list in key order.
import type { Header } from '../schemas/message';
import { utf8OrNull } from './payload';

const HEADER_CAP_BYTES = 64 * 1024;

export type RawHeaders = Record<string, Buffer | string | null | undefined | (Buffer | string | null | undefined)[]>;

export function decodeHeader(key: string, value: Buffer | string | null | undefined): Header {
  if (value === null || value === undefined) return { key, encoding: 'null', text: null, base64: null };
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  const shown = bytes.subarray(0, HEADER_CAP_BYTES);
  const text = utf8OrNull(shown);
  if (text !== null) return { key, encoding: 'text', text, base64: null };
  return { key, encoding: 'binary', text: null, base64: Buffer.from(shown).toString('base64') };
}

export function decodeHeaders(headers: RawHeaders | undefined | null): Header[] {
  if (!headers) return [];
  const out: Header[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const v of value) out.push(decodeHeader(key, v));
    else out.push(decodeHeader(key, value));
  }
  return out;
}
