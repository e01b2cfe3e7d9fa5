// JSON Schema checks before producing: keywords a hand-written subset missed (oneOf/anyOf,
// patternProperties, $ref into $defs, formats, 2020-12's prefixItems, references by name) each
// refuse a wrong value with the JSON Pointer of the value at fault, and accept a right one. Python's
// `jsonschema` (an independent implementation) agrees on which values fit, for every case without a
// format (its format checks depend on optional packages).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { encodeWithSchema, isEncodeFailure } from '../../lib/encode';
import { parseJsonInput } from '../../lib/encode/json-input';
import { jsonSchemaFailure } from '../../lib/encode/json-schema-check';

const SCHEMA = {
  type: 'object',
  properties: {
    contact: { oneOf: [{ type: 'string', format: 'email' }, { type: 'object', properties: { phone: { type: 'string', pattern: '^\\+\\d+$' } }, required: ['phone'] }] },
    code: { anyOf: [{ type: 'integer' }, { type: 'string', maxLength: 2 }] },
    at: { $ref: '#/$defs/instant' },
    items: { type: 'array', items: { $ref: '#/$defs/item' } },
  },
  patternProperties: { '^x-': { type: 'number' } },
  additionalProperties: false,
  required: ['contact'],
  $defs: {
    instant: { type: 'string', format: 'date-time' },
    item: { type: 'object', properties: { sku: { type: 'string', minLength: 3 } }, required: ['sku'] },
  },
};

let nextId = 1000;
function check(schema: unknown, text: string, refs: { name: string; schema: string }[] = []) {
  const parsed = parseJsonInput(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return jsonSchemaFailure(nextId++, JSON.stringify(schema), refs, parsed.value);
}

/** Whether Python's jsonschema (draft chosen by $schema, default 2020-12 rules for $defs) accepts. */
function pythonAccepts(schema: unknown, text: string): boolean {
  const out = execFileSync('/usr/bin/python3', ['-c', 'import sys, json, jsonschema\ns = json.loads(sys.argv[1]); v = json.loads(sys.argv[2])\nc = jsonschema.validators.validator_for(s, default=jsonschema.Draft7Validator)\nprint("ok" if c(s).is_valid(v) else "bad")', JSON.stringify(schema), text], { encoding: 'utf8' });
  return out.trim() === 'ok';
}

describe('JSON Schema check (Ajv)', () => {
  const CASES: [string, string | null, RegExp | null, boolean][] = [
    // [value, path at fault (null: fits), message, checked by Python too]
    ['{"contact": {"phone": "+33123"}, "code": 7, "at": "2024-05-06T07:08:09Z", "items": [{"sku": "abc"}], "x-rate": 1.5}', null, null, true],
    ['{"contact": "a@b.example", "code": "ab"}', null, null, true],
    ['{"contact": "not an address"}', '/contact', /matches no schema of oneOf \(#0: is not a valid email.*#1: expected object/, false],
    ['{"contact": {"phone": "0033"}}', '/contact', /#1 at \/phone: does not match the pattern/, true],
    ['{"contact": {}}', '/contact', /#1 at \/phone: missing required property "phone"/, true],
    ['{"contact": "a@b.example", "code": "abcd"}', '/code', /matches no schema of anyOf \(#0: expected integer.*#1: longer than 2 characters\)/, true],
    ['{"contact": "a@b.example", "at": "yesterday"}', '/at', /is not a valid date-time, got the string "yesterday"/, false],
    ['{"contact": "a@b.example", "items": [{"sku": "abc"}, {"sku": "x"}]}', '/items/1/sku', /shorter than 3 characters/, true],
    ['{"contact": "a@b.example", "items": [{"sku": "abc"}, {}]}', '/items/1/sku', /missing required property "sku"/, true],
    ['{"contact": "a@b.example", "x-rate": "high"}', '/x-rate', /expected number, got the string "high"/, true],
    ['{"contact": "a@b.example", "y": 1}', '/y', /property "y" is not allowed/, true],
    ['{"code": 1}', '/contact', /missing required property "contact"/, true],
  ];

  it.each(CASES)('%s', (value, path, message, oracle) => {
    const failure = check(SCHEMA, value);
    if (path === null) expect(failure).toBeNull();
    else {
      expect(failure?.path).toBe(path);
      expect(failure?.error).toMatch(message!);
    }
    if (oracle) expect(pythonAccepts(SCHEMA, value)).toBe(path === null);
  });

  it('oneOf matched twice names both choices', () => {
    const f = check({ oneOf: [{ type: 'number' }, { type: 'integer' }] }, '3');
    expect(f).toEqual({ path: '', error: 'matches more than one schema of oneOf (#0 and #1)' });
  });

  it('the dialect follows $schema: 2020-12 prefixItems; draft-04 is refused with a sentence', () => {
    const s2020 = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false };
    expect(check(s2020, '["a", 1]')).toBeNull();
    expect(check(s2020, '["a", "b"]')).toMatchObject({ path: '/1', error: expect.stringMatching(/expected integer/) });
    expect(check(s2020, '["a", 1, 2]')?.path).toBe('');
    expect(pythonAccepts(s2020, '["a", 1, 2]')).toBe(false);
    // In draft-07, prefixItems means nothing: the same array fits.
    expect(check({ ...s2020, $schema: 'http://json-schema.org/draft-07/schema#', items: undefined }, '["a", "b"]')).toBeNull();
    const old = check({ $schema: 'http://json-schema.org/draft-04/schema#', type: 'string' }, '"x"');
    expect(old).toMatchObject({ path: '', error: expect.stringMatching(/dialect http:\/\/json-schema\.org\/draft-04\/schema#, which cannot be checked/) });
  });

  it('a reference is found by the name the schema uses for it', () => {
    const address = JSON.stringify({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] });
    const schema = { type: 'object', properties: { to: { $ref: 'address.json' } } };
    expect(check(schema, '{"to": {"city": "Lyon"}}', [{ name: 'address.json', schema: address }])).toBeNull();
    expect(check(schema, '{"to": {}}', [{ name: 'address.json', schema: address }])).toEqual({ path: '/to/city', error: 'missing required property "city"' });
    expect(check(schema, '{"to": {}}')).toMatchObject({ path: '', error: expect.stringMatching(/cannot be used: .*address\.json/) });
  });

  it('a schema that is not JSON or will not compile is a sentence, not a throw', () => {
    const parsed = parseJsonInput('{}');
    if ('error' in parsed) throw new Error(parsed.error);
    expect(jsonSchemaFailure(nextId++, '{nope', [], parsed.value)).toEqual({ path: '', error: 'the registry’s JSON Schema is not valid JSON' });
    expect(check({ type: 'object', properties: { a: { $ref: '#/$defs/missing' } } }, '{}')).toMatchObject({ path: '', error: expect.stringMatching(/cannot be used/) });
  });

  it('encodeWithSchema frames a value that fits and refuses one that does not, with the path', () => {
    const schema = JSON.stringify(SCHEMA);
    const ok = encodeWithSchema('{"contact": "a@b.example"}', 42, { schemaType: 'JSON', references: [] }, schema);
    expect(isEncodeFailure(ok)).toBe(false);
    expect(Buffer.from(ok as Uint8Array).subarray(0, 5)).toEqual(Buffer.from([0, 0, 0, 0, 42]));
    expect(encodeWithSchema('{"contact": "a@b.example", "at": "soon"}', 42, { schemaType: 'JSON', references: [] }, schema)).toMatchObject({ path: '/at' });
  });
});
