import { describe, expect, it } from 'vitest';
import type { Message } from '@/lib/schemas/message';
import { recordJson } from './record-json';

const base: Message = {
  partition: 2,
  offset: '9007199254740993',
  timestamp: 1_700_000_000_000,
  timestampType: 'CreateTime',
  key: { encoding: 'text', text: 'order-7', base64: null, size: 7, truncated: false },
  value: { encoding: 'json', text: '{"id":12345678901234567891,"price":0.10,"huge":1e400}', base64: null, size: 52, truncated: false },
  headers: [
    { key: 'source', encoding: 'text', text: 'web', base64: null },
    { key: 'raw', encoding: 'binary', text: null, base64: 'ww==' },
  ],
  compression: null,
  transactional: false,
};

describe('copy record as JSON', () => {
  it('keeps every number of a JSON value exactly, with key, headers and metadata', () => {
    const text = recordJson(base);
    expect(text).toContain('"id": 12345678901234567891');
    expect(text).toContain('"price": 0.10');
    expect(text).toContain('"huge": 1e400');
    expect(JSON.parse(text)).toMatchObject({
      partition: 2,
      offset: '9007199254740993',
      timestamp: 1_700_000_000_000,
      key: 'order-7',
      headers: [
        { key: 'source', value: 'web' },
        { key: 'raw', value: { base64: 'ww==' } },
      ],
    });
  });
  it('a tombstone is null, binary is base64, text that is not JSON stays text', () => {
    expect(JSON.parse(recordJson({ ...base, value: null })).value).toBeNull();
    expect(JSON.parse(recordJson({ ...base, value: { encoding: 'binary', text: null, base64: '//4=', size: 2, truncated: false } })).value).toEqual({ base64: '//4=', size: 2 });
    expect(JSON.parse(recordJson({ ...base, value: { encoding: 'text', text: '{not json', base64: null, size: 9, truncated: false } })).value).toBe('{not json');
  });
});
