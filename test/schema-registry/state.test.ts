// The state rebuilt from `_schemas` records, without a broker: last record per key wins, tombstones
// remove, Confluent's DELETE_SUBJECT marks versions deleted, malformed records are skipped, and the
// id watermark outlives the records it covers.
import { describe, expect, it } from 'vitest';
import { configKey, parseKey, schemaKey, WATERMARK_KEY } from '../../lib/schema-registry/records';
import { RegistryState } from '../../lib/schema-registry/state';

const value = (subject: string, version: number, id: number, extra: object = {}) => ({ subject, version, id, schema: '"string"', deleted: false, ...extra });

describe('RegistryState', () => {
  it('applies schema records, soft deletes and tombstones in order', () => {
    const s = new RegistryState();
    s.apply(schemaKey('a', 1), value('a', 1, 1));
    s.apply(schemaKey('a', 2), value('a', 2, 2, { schemaType: 'PROTOBUF', schema: 'syntax = "proto3";' }));
    expect(s.versions('a').map((v) => v.version)).toEqual([1, 2]);
    expect(s.versions('a')[1]!.schemaType).toBe('PROTOBUF');
    s.apply(schemaKey('a', 1), value('a', 1, 1, { deleted: true }));
    expect(s.versions('a').map((v) => v.version)).toEqual([2]);
    expect(s.versions('a', true).map((v) => v.version)).toEqual([1, 2]);
    s.apply(schemaKey('a', 1), null);
    expect(s.versions('a', true).map((v) => v.version)).toEqual([2]);
    expect(s.withId(1)).toEqual([]);
    expect(s.maxId()).toBe(2);
  });

  it("understands Confluent's DELETE_SUBJECT and CONFIG records", () => {
    const s = new RegistryState();
    for (let v = 1; v <= 3; v++) s.apply(schemaKey('b', v), value('b', v, v));
    s.apply(parseKey('{"keytype":"DELETE_SUBJECT","subject":"b","magic":0}')!, { subject: 'b', version: 2 });
    expect(s.versions('b').map((v) => v.version)).toEqual([3]);
    s.apply(configKey(null), { compatibilityLevel: 'FULL' });
    s.apply(configKey('b'), { compatibilityLevel: 'none' });
    expect([s.compatibility(null), s.compatibility('b')]).toEqual(['FULL', 'NONE']);
    s.apply(configKey('b'), null);
    expect(s.compatibility('b')).toBeUndefined();
  });

  it('skips malformed records and keeps the watermark', () => {
    const s = new RegistryState();
    expect(parseKey('not json')).toBeNull();
    expect(parseKey('{"keytype":"MODE","subject":null,"magic":0}')).toBeNull();
    s.apply(schemaKey('c', 1), { subject: 'c', version: 1 }); // no id, no schema
    s.apply(schemaKey('c', 2), value('other', 2, 5)); // value of another key
    expect(s.subjectNames(true)).toEqual([]);
    s.apply(WATERMARK_KEY, { id: 41 });
    expect(s.maxId()).toBe(41);
  });
});
