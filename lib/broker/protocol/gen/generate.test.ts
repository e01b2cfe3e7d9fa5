// The committed tables must be exactly what the generator makes from Kafka's JSON, so nobody edits
// generated code by hand or forgets to regenerate. The JSON folder lives beside the repository
// (../shared/kafka-protocol from its root, found as generate.ts finds it); where it is missing the
// drift check is reported as skipped, with the reason, never passed silently. The list of APIs
// the generator emits is checked against the handler registry here too, which needs no JSON.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiVersionsList } from '../../handlers/registry';
import { apiName, ApiKey } from '../apis';
import { DEFAULT_OUT_DIR, DEFAULT_SOURCE, generate, REPO_ROOT } from './generate';
import { camelCase, stripLineComments } from './load';
import { SERVED_APIS } from './served-apis';

const sourceShown = relative(REPO_ROOT, DEFAULT_SOURCE);
const haveSource = existsSync(DEFAULT_SOURCE);
if (!haveSource) {
  console.warn(`generate.test.ts: drift check SKIPPED, ${sourceShown} not found (looked in ${DEFAULT_SOURCE})`);
}

const out = mkdtempSync(join(tmpdir(), 'kafscope-protocol-gen-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('generator', () => {
  const drift = 'reproduces the committed generated/ folder byte for byte';
  it.skipIf(!haveSource)(haveSource ? drift : `${drift} — skipped: ${sourceShown} not found`, () => {
    generate(DEFAULT_SOURCE, out);
    const committed = readdirSync(DEFAULT_OUT_DIR).sort();
    expect(readdirSync(out).sort()).toEqual(committed);
    for (const file of committed) {
      expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(DEFAULT_OUT_DIR, file), 'utf8'));
    }
  });

  it('emits tables for exactly the APIs the handler registry serves', () => {
    const registered = apiVersionsList().map((a) => apiName(a.apiKey));
    expect([...SERVED_APIS].sort()).toEqual([...registered].sort());
    expect(Object.keys(ApiKey).sort()).toEqual([...SERVED_APIS].sort());
  });

  it('strips only whole-line comments and camel-cases names', () => {
    expect(stripLineComments('  // licence\n{"a": "http://x"}\n// end')).toBe('{"a": "http://x"}');
    expect(camelCase('PartitionIndex')).toBe('partitionIndex');
    expect(camelCase('ErrorCode')).toBe('errorCode');
  });
});
