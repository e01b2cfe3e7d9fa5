// Whether raw bytes hold an ASCII needle, found without turning the bytes into a string: a search
// asks this of every record batch it reads (batch-filter.ts), and copying a megabyte into a string
// to run a pattern over it costs more than reading it from the broker. Case-sensitive is one native
// Buffer.indexOf. Case-insensitive (ASCII letters only, as the batch filter needs) looks for every
// case spelling of a short stretch of the needle holding at most three letters (at most eight native
// scans), then compares the whole needle around each hit. Bytes that hold those stretches very
// often (a needle of common letters over text) would make many comparisons: past a bound, the bytes
// are read as a latin1 string once and searched with a case-insensitive literal pattern instead.
import 'server-only';

/** Letters in the stretch whose spellings are searched: 2^3 = 8 scans at most. */
const MAX_LETTERS = 3;

const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const lower = (c: number) => (c >= 0x41 && c <= 0x5a ? c | 0x20 : c);

/** A test of whether bytes hold `needle` (ASCII, not empty), in ASCII case or not. */
export function byteFinder(needle: string, caseSensitive: boolean): (buf: Buffer) => boolean {
  const exact = Buffer.from(caseSensitive ? needle : needle.toLowerCase(), 'latin1');
  if (caseSensitive || !exact.some(isLetter)) return (buf) => buf.indexOf(exact) >= 0;
  // The longest stretch of the needle with at most MAX_LETTERS letters: the longer, the fewer hits.
  let start = 0;
  let length = 0;
  for (let s = 0; s < exact.length; s++) {
    let e = s;
    for (let letters = 0; e < exact.length && letters + (isLetter(exact[e]!) ? 1 : 0) <= MAX_LETTERS; e++) letters += isLetter(exact[e]!) ? 1 : 0;
    if (e - s > length) [start, length] = [s, e - s];
  }
  const stretch = exact.subarray(start, start + length);
  const letterAt = [...stretch.keys()].filter((i) => isLetter(stretch[i]!));
  const spellings = Array.from({ length: 1 << letterAt.length }, (_, mask) => {
    const v = Buffer.from(stretch);
    letterAt.forEach((i, bit) => {
      if (mask & (1 << bit)) v[i] = v[i]! & ~0x20;
    });
    return v;
  });
  const escaped = needle.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  // A literal: linear to run. On a latin1 string, /i folds ASCII letters only where the needle is ASCII.
  const pattern = new RegExp(escaped, 'i');
  const wholeAt = (buf: Buffer, at: number) => {
    if (at < 0 || at + exact.length > buf.length) return false;
    for (let i = 0; i < exact.length; i++) if (lower(buf[at + i]!) !== exact[i]) return false;
    return true;
  };
  return (buf) => {
    let budget = 64 + (buf.length >> 8);
    for (const v of spellings) {
      for (let hit = buf.indexOf(v); hit >= 0; hit = buf.indexOf(v, hit + 1)) {
        if (wholeAt(buf, hit - start)) return true;
        if (--budget === 0) return pattern.test(buf.toString('latin1'));
      }
    }
    return false;
  };
}
