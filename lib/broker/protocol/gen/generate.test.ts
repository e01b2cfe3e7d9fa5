// The committed tables must be exactly what the generator makes from Kafka's JSON, so nobody edits
// generated code by hand or forgets to regenerate. Needs the JSON folder, so it is skipped elsewhere.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_OUT_DIR, generate } from './generate';
import { camelCase, stripLineComments } from './load';

const SOURCE = '/work/shared/kafka-protocol';
const out = mkdtempSync(join(tmpdir(), 'kafscope-protocol-gen-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('generator', () => {
  it.skipIf(!existsSync(SOURCE))('reproduces the committed generated/ folder byte for byte', () => {
    generate(SOURCE, out);
    const committed = readdirSync(DEFAULT_OUT_DIR).sort();
    expect(readdirSync(out).sort()).toEqual(committed);
    for (const file of committed) {
      expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(DEFAULT_OUT_DIR, file), 'utf8'));
    }
  });

  it('strips only whole-line comments and camel-cases names', () => {
    expect(stripLineComments('  // licence\n{"a": "http://x"}\n// end')).toBe('{"a": "http://x"}');
    expect(camelCase('PartitionIndex')).toBe('partitionIndex');
    expect(camelCase('ErrorCode')).toBe('errorCode');
  });
});
