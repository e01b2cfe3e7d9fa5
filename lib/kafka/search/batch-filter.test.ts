// The batch filter may open a batch that holds no match, but must never pass over one that does:
// random batches (ASCII, Latin and other letters, the Kelvin sign and U+0130 that lowercase to k and
// i, bad UTF-8, framed payloads, headers, values longer than one varint byte) are checked against
// matching each record's text the way the search does (text-matcher.ts on the UTF-8 text).
import { describe, expect, it } from 'vitest';
import { buildRecordBatch } from '../../broker/records/build';
import { batchFilter } from './batch-filter';
import { byteFinder } from './byte-find';
import { batchesIn, openRecords, recordBytes } from './record-batches';
import { textMatcher } from './text-matcher';

/** A small deterministic generator, so a failure repeats. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const PIECES = ['a', 'b', 'K', 'k', 'I', 'i', 'x', 'é', 'É', '\u212a', '\u0130', 'ı', 'ſ', '-', '7', ' ', 'nee', 'NEE', 'dle', 'DlE', 'kit', 'KİT', 'k\u0130'];

function randomText(r: () => number, max: number): string {
  let t = '';
  for (let n = Math.floor(r() * max); n > 0; n--) t += PIECES[Math.floor(r() * PIECES.length)];
  return t;
}

function randomPayload(r: () => number): Buffer | null {
  const roll = r();
  if (roll < 0.1) return null;
  if (roll < 0.15) return Buffer.from([0, 0, 0, 0, 1, ...Buffer.from(randomText(r, 4))]); // framed
  if (roll < 0.2) return Buffer.concat([Buffer.from(randomText(r, 4)), Buffer.from([0xc3]), Buffer.from(randomText(r, 4))]); // bad UTF-8
  if (roll < 0.25) return Buffer.from('x'.repeat(200) + randomText(r, 6)); // a two-byte length varint
  return Buffer.from(randomText(r, 8));
}

describe('batch filter', () => {
  it('never passes over a batch that holds a match', () => {
    const r = rng(11);
    const needles = ['needle', 'NEEDLE', 'kit', 'KI', 'i', 'k-7', '7-', 'ab', 'x K', 'dle k'];
    let ruledOut = 0;
    for (let round = 0; round < 400; round++) {
      const records = Array.from({ length: 1 + Math.floor(r() * 4) }, () => ({
        key: randomPayload(r),
        value: randomPayload(r),
        headers: r() < 0.3 ? [{ key: randomText(r, 3), value: randomPayload(r) }] : [],
      }));
      const [batch] = [...batchesIn(buildRecordBatch(records))];
      const bytes = recordBytes(batch!);
      for (const q of needles) {
        for (const caseSensitive of [false, true]) {
          for (const format of ['text', 'auto', 'json'] as const) {
            const query = { q, mode: 'contains' as const, caseSensitive, in: ['key', 'value', 'headers'] as ('key' | 'value' | 'headers')[] };
            const may = batchFilter(query, { keyFormat: format, valueFormat: format })!;
            const test = textMatcher(query);
            const texts = openRecords(batch!, bytes, 0n, 1n << 62n).flatMap(({ raw }) => [
              raw.key,
              raw.value,
              ...Object.entries(raw.headers ?? {}).flatMap(([k, v]) => [Buffer.from(k), ...(Array.isArray(v) ? v : [v])]),
            ]);
            const matches = texts.some((t) => t !== null && test(t.toString('utf8')));
            if (matches) expect(may(batch!, bytes), `${q} ${caseSensitive} ${format} in ${JSON.stringify(records)}`).toBe(true);
            else if (!may(batch!, bytes)) ruledOut++;
          }
        }
      }
    }
    // The filter is worth having: most batches without a match are passed over.
    expect(ruledOut).toBeGreaterThan(5000);
  });

  it('is not asked of regex searches or of formats decoded through a schema', () => {
    expect(batchFilter({ q: 'a', mode: 'regex', caseSensitive: false, in: ['value'] }, { keyFormat: 'text', valueFormat: 'text' })).toBeNull();
    expect(batchFilter({ q: 'a', mode: 'contains', caseSensitive: false, in: ['value'] }, { keyFormat: 'text', valueFormat: 'avro' })).toBeNull();
    expect(batchFilter({ q: 'é', mode: 'contains', caseSensitive: false, in: ['value'] }, { keyFormat: 'text', valueFormat: 'text' })).toBeNull();
  });
});

describe('byte finder', () => {
  it('finds a needle in any ASCII case, and only there', () => {
    const find = byteFinder('Needle-42', false);
    expect(find(Buffer.from('xx nEEDLE-42 yy'))).toBe(true);
    expect(find(Buffer.from('xx needle-4 2 yy'))).toBe(false);
    expect(find(Buffer.from('needle-42'))).toBe(true);
    expect(byteFinder('Needle-42', true)(Buffer.from('xx needle-42'))).toBe(false);
    expect(byteFinder('-42', false)(Buffer.from('a-42'))).toBe(true);
  });
  it('stays right past its bound of candidate hits (common letters)', () => {
    const find = byteFinder('abcz', false);
    expect(find(Buffer.from('AbC'.repeat(10_000) + 'aBcZ'))).toBe(true);
    expect(find(Buffer.from('AbC'.repeat(10_000)))).toBe(false);
  });
});
