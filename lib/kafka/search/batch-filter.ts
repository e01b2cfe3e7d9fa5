// Ruling out a whole record batch before opening its records: most batches of a search hold no
// match, and a "contains" search of an ASCII needle over text can tell that from the batch's bytes
// in one native scan. The rule is exact, never a guess: a batch is ruled out only when its
// (uncompressed) record bytes hold neither the needle (in the search's case mode) nor any byte of
// 0x80 or above, because then every key, value and header is ASCII text whose own bytes are its
// searched text — so a record that would match must contain the needle's bytes. It applies only
// where the searched text is the bytes themselves: formats text, json and binary (binary is never
// searched) and `auto` on a batch with no Confluent-framed key or value (those are decoded through
// the registry, and their decoded text is not in the bytes). Regex searches open every batch.
import 'server-only';
import type { MessageFormat, SearchQuery } from '../../schemas/message';
import type { Batch } from './record-batches';
import { hasFramedPayload } from './record-batches';

const BYTES_ARE_TEXT = new Set<MessageFormat>(['text', 'json', 'binary']);

/** A test saying whether a batch may hold a match; null when this search cannot rule batches out. */
export function batchFilter(q: Pick<SearchQuery, 'q' | 'mode' | 'caseSensitive' | 'in'>, formats: { keyFormat: MessageFormat; valueFormat: MessageFormat }): ((b: Batch, records: Buffer) => boolean) | null {
  if (q.mode !== 'contains' || !/^[\x00-\x7f]+$/.test(q.q)) return null;
  const searched = [...(q.in.includes('key') ? [formats.keyFormat] : []), ...(q.in.includes('value') ? [formats.valueFormat] : [])];
  if (!searched.every((f) => f === 'auto' || BYTES_ARE_TEXT.has(f))) return null;
  const auto = searched.includes('auto');
  const escaped = q.q.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  // The needle is escaped: this pattern is a literal and a character class, linear to run.
  const mayMatch = new RegExp(`${escaped}|[\\x80-\\xff]`, q.caseSensitive ? '' : 'i');
  return (b, records) => mayMatch.test(records.toString('latin1')) || (auto && hasFramedPayload(records, b.recordCount));
}
