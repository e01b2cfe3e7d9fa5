import { describe, expect, it } from 'vitest';
import { showBidiControls } from './bidi';

describe('showBidiControls', () => {
  it('writes a right-to-left override out, so "evil" cannot pass for "live"', () => {
    expect(showBidiControls('\u202Eevil')).toBe('<U+202E>evil');
    expect(showBidiControls('orders\u202Elive\u202C.v1')).toBe('orders<U+202E>live<U+202C>.v1');
  });
  it('shows every bidi control: marks, embeddings, overrides and isolates', () => {
    const all = '\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(showBidiControls(all)).toBe(
      '<U+061C><U+200E><U+200F><U+202A><U+202B><U+202C><U+202D><U+202E><U+2066><U+2067><U+2068><U+2069>',
    );
  });
  it('leaves other text alone, right-to-left scripts included', () => {
    for (const s of ['orders', '', 'שלום-topic', 'مرحبا', 'emoji 🎉', 'a<b>', '\u200B zero-width space']) expect(showBidiControls(s)).toBe(s);
  });
});
