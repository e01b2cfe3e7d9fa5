import { describe, expect, it } from 'vitest';
import { ExactNumber, formatJsonExact, parseJsonExact, stringifyJsonExact } from './json-exact';

// JSON.parse passes source text to revivers only on newer engines (not Node 20's).
let sourceSeen = false;
JSON.parse('1', (_k: string, v: unknown, ctx?: { source?: string }) => {
  sourceSeen = ctx?.source === '1';
  return v;
});

describe('exact JSON numbers', () => {
  it('writes ExactNumbers back as bare digits, leaving strings that look alike alone', () => {
    const value = { id: new ExactNumber('12345678901234567890'), list: [new ExactNumber('-9007199254740993')], s: '\u00000' };
    expect(stringifyJsonExact(value, 0)).toBe('{"id":12345678901234567890,"list":[-9007199254740993],"s":"\\u00000"}');
  });

  it('parses ordinary JSON like JSON.parse', () => {
    expect(parseJsonExact('{"a":[1,2.5,"x",null,true],"b":{"c":9007199254740991}}')).toEqual({
      a: [1, 2.5, 'x', null, true],
      b: { c: 9007199254740991 },
    });
  });

  it.runIf(sourceSeen)('keeps integers past 2^53 as their digits where the engine gives the source', () => {
    const parsed = parseJsonExact('{"id": 12345678901234567890, "small": 42}') as Record<string, unknown>;
    expect(parsed.id).toEqual(new ExactNumber('12345678901234567890'));
    expect(parsed.small).toBe(42);
    expect(stringifyJsonExact(parsed, 0)).toBe('{"id":12345678901234567890,"small":42}');
  });
});

describe('lossless formatting', () => {
  it('re-indents JSON without changing any number, and refuses what is not JSON', () => {
    const text = '{"id":12345678901234567891,"price":0.10,"huge":1e400,"neg":-0.0,"list":[1.50,2E+3],"s":"0.10"}';
    const pretty = formatJsonExact(text);
    expect(pretty).toBe(
      ['{', '  "id": 12345678901234567891,', '  "price": 0.10,', '  "huge": 1e400,', '  "neg": -0.0,', '  "list": [', '    1.50,', '    2E+3', '  ],', '  "s": "0.10"', '}'].join('\n'),
    );
    // Compacting the pretty text gives back the original exactly.
    expect(formatJsonExact(pretty, 0)).toBe(text);
    expect(() => formatJsonExact('{"a":')).toThrow();
  });
});
