import { describe, expect, it } from 'vitest';
import { offsetRange, plural } from './plural';

describe('plural', () => {
  it('says one thing in the singular and every other count in the plural', () => {
    expect(plural(1, 'partition')).toBe('1 partition');
    expect(plural(0, 'partition')).toBe('0 partitions');
    expect(plural(2, 'partition')).toBe('2 partitions');
    expect(plural(12345, 'message')).toBe('12,345 messages');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
  });
});

describe('offsetRange', () => {
  it('names the offsets held, inclusively, from exclusive high watermarks', () => {
    expect(offsetRange('0', '4')).toBe('offsets 0–3');
    expect(offsetRange('7', '8')).toBe('offset 7');
    expect(offsetRange('5', '5')).toBe('no records');
  });
  it('keeps 64-bit offsets exact', () => {
    expect(offsetRange('9007199254740993', '9223372036854775807')).toBe('offsets 9,007,199,254,740,993–9,223,372,036,854,775,806');
  });
});
