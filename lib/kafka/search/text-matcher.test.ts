// Regular expressions run in linear time: a pattern that makes a backtracking engine take seconds
// answers at once, and what RE2 cannot express is refused with a reason.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { textMatcher } from './text-matcher';

describe('text matcher', () => {
  it('contains, with and without case', () => {
    expect(textMatcher({ q: 'Needle', mode: 'contains', caseSensitive: false })('a NEEDLE here')).toBe(true);
    expect(textMatcher({ q: 'Needle', mode: 'contains', caseSensitive: true })('a NEEDLE here')).toBe(false);
  });
  it('regex, with and without case', () => {
    expect(textMatcher({ q: 'order-\\d{3}$', mode: 'regex', caseSensitive: false })('ORDER-042')).toBe(true);
    expect(textMatcher({ q: 'order-\\d{3}$', mode: 'regex', caseSensitive: true })('ORDER-042')).toBe(false);
  });
  it('a catastrophic pattern for a backtracking engine answers in linear time', () => {
    const test = textMatcher({ q: '(a+)+$', mode: 'regex', caseSensitive: true });
    const started = performance.now();
    expect(test(`${'a'.repeat(5_000)}b`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
  it('refuses what RE2 cannot express, saying why', () => {
    const err = (() => {
      try {
        textMatcher({ q: '(a)\\1', mode: 'regex', caseSensitive: true });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).kind).toBe('invalid');
    expect((err as DomainError).details.field).toBe('q');
    expect((err as DomainError).message).toContain('invalid escape sequence');
  });
});
