// Avro's schema-resolution rules as the compatibility levels apply them, checked without a broker:
// what BACKWARD, FORWARD, FULL and their transitive variants accept and refuse.
import { describe, expect, it } from 'vitest';
import { compatibilityProblems, type Comparable } from '../../lib/schema-registry/compatibility';
import type { CompatibilityLevel } from '../../lib/schema-registry/records';
import { avroType } from '../../lib/schema-registry/schema-types';

const avro = (schema: object | string, version?: number): Comparable => ({
  schemaType: 'AVRO',
  avro: avroType(typeof schema === 'string' ? schema : JSON.stringify(schema), []),
  ...(version !== undefined && { version }),
});
const rec = (fields: object[], extra: object = {}) => ({ type: 'record', name: 'R', namespace: 'n', fields, ...extra });
const ok = (level: CompatibilityLevel, next: object | string, ...previous: (object | string)[]) =>
  compatibilityProblems(level, avro(next), previous.map((p, i) => avro(p, i + 1)));

describe('BACKWARD: the new schema reads data written with the latest', () => {
  it.each([
    ['a field added with a default', rec([{ name: 'a', type: 'int' }, { name: 'b', type: 'string', default: '' }]), rec([{ name: 'a', type: 'int' }])],
    ['a field removed', rec([]), rec([{ name: 'a', type: 'int' }])],
    ['int promoted to long', rec([{ name: 'a', type: 'long' }]), rec([{ name: 'a', type: 'int' }])],
    ['long promoted to double', rec([{ name: 'a', type: 'double' }]), rec([{ name: 'a', type: 'long' }])],
    ['float promoted to double', '"double"', '"float"'],
    ['string read as bytes', '"bytes"', '"string"'],
    ['bytes read as string', '"string"', '"bytes"'],
    ['an enum symbol added', { type: 'enum', name: 'E', symbols: ['A', 'B', 'C'] }, { type: 'enum', name: 'E', symbols: ['A', 'B'] }],
    ['an enum symbol removed, with a reader default', { type: 'enum', name: 'E', symbols: ['A', 'B'], default: 'A' }, { type: 'enum', name: 'E', symbols: ['A', 'B', 'C'] }],
    ['a union branch added', ['null', 'string', 'int'], ['null', 'string']],
    ['a plain type widened to a union holding it', ['null', 'string'], '"string"'],
    ['a record renamed with an alias', rec([], { name: 'S', aliases: ['R'] }), rec([])],
    ['the namespace changed (names are matched unqualified)', rec([], { namespace: 'other' }), rec([])],
  ])('accepts %s', (_, next, latest) => {
    expect(ok('BACKWARD', next, latest)).toEqual([]);
  });

  it.each([
    ['a field added without a default', rec([{ name: 'a', type: 'int' }, { name: 'b', type: 'string' }]), rec([{ name: 'a', type: 'int' }]), /b/],
    ['long narrowed to int', rec([{ name: 'a', type: 'int' }]), rec([{ name: 'a', type: 'long' }]), /.+/],
    ['an enum symbol removed', { type: 'enum', name: 'E', symbols: ['A'] }, { type: 'enum', name: 'E', symbols: ['A', 'B'] }, /.+/],
    ['a union branch removed', ['null', 'string'], ['null', 'string', 'int'], /.+/],
    ['a record renamed without an alias', rec([], { name: 'S' }), rec([]), /.+/],
    ['a fixed resized', { type: 'fixed', name: 'F', size: 4 }, { type: 'fixed', name: 'F', size: 8 }, /.+/],
  ])('refuses %s', (_, next, latest, detail) => {
    const problems = ok('BACKWARD', next, latest);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^the new schema cannot read data written with version 1: /);
    expect(problems[0]).toMatch(detail);
  });
});

describe('FORWARD and FULL', () => {
  const v1 = rec([{ name: 'a', type: 'int' }]);
  it('FORWARD: the latest reads what the new schema writes', () => {
    expect(ok('FORWARD', rec([{ name: 'a', type: 'int' }, { name: 'b', type: 'int' }]), v1)).toEqual([]);
    expect(ok('FORWARD', { type: 'enum', name: 'E', symbols: ['A', 'B'] }, { type: 'enum', name: 'E', symbols: ['A'] })).toHaveLength(1);
    expect(ok('FORWARD', rec([]), v1)[0]).toMatch(/^version 1 cannot read data written with the new schema/);
  });
  it('FULL: both ways', () => {
    expect(ok('FULL', rec([{ name: 'a', type: 'int' }, { name: 'b', type: 'int', default: 0 }]), v1)).toEqual([]);
    expect(ok('FULL', rec([{ name: 'a', type: 'int' }, { name: 'b', type: 'int' }]), v1)).toHaveLength(1);
    expect(ok('FULL', rec([]), v1)).toHaveLength(1);
  });
});

describe('transitive levels check every live version, the others only the latest', () => {
  const v1 = rec([{ name: 'a', type: 'int' }]);
  const v2 = rec([]);
  const v3 = rec([{ name: 'a', type: 'string', default: '' }]);
  it('BACKWARD passes against v2 alone; BACKWARD_TRANSITIVE fails on v1', () => {
    expect(ok('BACKWARD', v3, v1, v2)).toEqual([]);
    const problems = ok('BACKWARD_TRANSITIVE', v3, v1, v2);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/version 1/);
    expect(ok('FULL_TRANSITIVE', v3, v1, v2).length).toBeGreaterThan(0);
    expect(ok('FORWARD_TRANSITIVE', v1, v1, v2)).toEqual([]);
  });
  it('NONE accepts anything; no previous version accepts anything', () => {
    expect(ok('NONE', '"string"', rec([]))).toEqual([]);
    expect(ok('FULL_TRANSITIVE', '"string"')).toEqual([]);
  });
});

describe('Protobuf and JSON Schema', () => {
  it('get NONE semantics, but a change of schema type is refused unless NONE', () => {
    const proto = (version?: number): Comparable => ({ schemaType: 'PROTOBUF', ...(version && { version }) });
    expect(compatibilityProblems('FULL_TRANSITIVE', proto(), [proto(1), proto(2)])).toEqual([]);
    expect(compatibilityProblems('BACKWARD', { schemaType: 'JSON' }, [{ schemaType: 'JSON', version: 1 }])).toEqual([]);
    expect(compatibilityProblems('BACKWARD', proto(), [avro('"string"', 1)])[0]).toMatch(/schema type AVRO/);
    expect(compatibilityProblems('NONE', proto(), [avro('"string"', 1)])).toEqual([]);
  });
});
