import { describe, expect, it } from 'vitest';
import { DEFAULT_LAG_THRESHOLDS, lagFraction, lagTone, parseThresholds } from './lag-scale';

describe('lag colours on an absolute scale', () => {
  it('colours by the number of records, not by the largest lag around', () => {
    expect(lagTone('3')).toBe('ok');
    expect(lagTone('999')).toBe('ok');
    expect(lagTone('1000')).toBe('warn');
    expect(lagTone('100000')).toBe('bad');
    expect(lagTone(null)).toBe('none');
    expect(lagTone('9223372036854775807')).toBe('bad');
  });
  it('follows configured thresholds', () => {
    const t = { warn: 10n, bad: 20n };
    expect(lagTone('9', t)).toBe('ok');
    expect(lagTone('10', t)).toBe('warn');
    expect(lagTone('20', t)).toBe('bad');
  });
  it('reads stored thresholds and refuses nonsense', () => {
    expect(parseThresholds('{"warn":"5","bad":"50"}')).toEqual({ warn: 5n, bad: 50n });
    expect(parseThresholds('{"warn":"50","bad":"5"}')).toEqual(DEFAULT_LAG_THRESHOLDS);
    expect(parseThresholds('{"warn":5,"bad":50}')).toEqual(DEFAULT_LAG_THRESHOLDS);
    expect(parseThresholds(null)).toEqual(DEFAULT_LAG_THRESHOLDS);
  });
  it('fills a bar on a log scale, full at the red threshold', () => {
    expect(lagFraction('0')).toBe(0);
    expect(lagFraction('100000')).toBe(1);
    expect(lagFraction('99')).toBeCloseTo(0.4, 1);
  });
});
