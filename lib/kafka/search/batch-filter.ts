// Ruling out a whole record batch before opening its records: most batches of a search hold no
// match, and a "contains" search of an ASCII needle over text can tell that from the batch's bytes
// with native scans (byte-find.ts). The rule is exact, never a guess. It applies only where the
// searched text is the bytes themselves, decoded as UTF-8: formats text, json (kept verbatim) and
// binary (never searched), and `auto` on a batch with no Confluent-framed key or value (those are
// decoded through the registry, and their decoded text is not in the bytes). Regex searches open
// every batch. Why the needle's bytes (in the search's case mode) must then be in the batch's bytes:
// - UTF-8 decoding never makes an ASCII character out of other bytes (a bad sequence becomes
//   U+FFFD), so a case-sensitive match is the needle's own bytes;
// - case-insensitive matching lowercases the text (text-matcher.ts), and only two characters beyond
//   ASCII lowercase to ASCII letters: U+212A (Kelvin sign) to "k" and U+0130 to "i" and a combining
//   dot. A needle without i or k therefore matches only where a case spelling of its bytes is; with
//   one, a batch is ruled out only when its keys, values and headers are ASCII as well (each field
//   checked, not the whole batch: the records' length varints are bytes of 0x80 and above).
// Where the needle's bytes are, the batch is opened — they may lie in a field or in framing.
import 'server-only';
import { isAscii } from 'node:buffer';
import type { MessageFormat, SearchQuery } from '../../schemas/message';
import { byteFinder } from './byte-find';
import type { Batch } from './record-batches';
import { fieldsOf } from './record-batches';

const BYTES_ARE_TEXT = new Set<MessageFormat>(['text', 'json', 'binary']);

/** A test saying whether a batch may hold a match; null when this search cannot rule batches out. */
export function batchFilter(q: Pick<SearchQuery, 'q' | 'mode' | 'caseSensitive' | 'in'>, formats: { keyFormat: MessageFormat; valueFormat: MessageFormat }): ((b: Batch, records: Buffer) => boolean) | null {
  if (q.mode !== 'contains' || !/^[\x00-\x7f]+$/.test(q.q)) return null;
  const searched = [...(q.in.includes('key') ? [formats.keyFormat] : []), ...(q.in.includes('value') ? [formats.valueFormat] : [])];
  if (!searched.every((f) => f === 'auto' || BYTES_ARE_TEXT.has(f))) return null;
  const auto = searched.includes('auto');
  const holdsNeedle = byteFinder(q.q, q.caseSensitive);
  const folds = !q.caseSensitive && /[ik]/i.test(q.q);
  return (b, records) => {
    if (holdsNeedle(records)) return true;
    if (!folds && !auto) return false;
    // Only bytes of 0x80 and above can lowercase to the needle's i or k.
    const ascii = !folds || isAscii(records);
    if (ascii && !auto) return false;
    let may = false;
    fieldsOf(records, b.recordCount, (start, end, payload) => {
      // A framed key or value (magic byte 0, then a 4-byte schema id) is decoded through the registry.
      if ((auto && payload && end - start >= 5 && records[start] === 0) || (!ascii && !isAscii(records.subarray(start, end)))) may = true;
      return !may;
    });
    return may;
  };
}
