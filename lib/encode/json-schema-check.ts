// A value checked against a registry's JSON Schema before it is produced under that schema's id, by
// Ajv 8 (with ajv-formats), so every keyword of the dialect is checked, not a hand-picked subset.
// The dialect follows the schema's $schema: draft-07 when absent (what Confluent's serializers write),
// draft-06, 2019-09 or 2020-12 when named; draft-04 and unknown dialects are refused with a sentence,
// since checking them as another draft would give wrong answers. A schema's references (Confluent's
// `references`, already fetched) are added under the name the schema refers to them by. Each failure
// names the JSON Pointer of the value at fault and why, in the encoders' shared vocabulary.
//
// Why Ajv's code generation is acceptable here: Ajv compiles a schema into a JavaScript function
// (new Function). What it compiles is the schema — the registry's text, which the operator's registry
// serves — never the value a person types, and never an expression of theirs: the value is only ever
// data passed to the compiled function. Since v7 Ajv builds that code through its own safe code
// generation (every schema string is quoted or escaped as data, property names included), the
// approach every JSON Schema tool of the JavaScript world takes. What a hostile schema can still do
// is cost time (a slow `pattern`, a deep schema): compiles are cached per schema id, a compile error
// is a sentence and not a crash, and the schema comes only from the cluster's configured registry.
import Ajv, { type AnySchema, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import addFormats from 'ajv-formats';
import { childPath, described, isNumberInput, type EncodeFailure, type JsonInput } from './json-input';

export interface JsonSchemaReference {
  name: string;
  schema: string;
}

type Check = ValidateFunction | { error: string };

/** Compiled checks by schema id (and text: ids of two clusters' registries may collide). */
const compiled = new Map<string, Check>();
const MAX_KEPT = 256;

const OPTIONS: Options = { strict: false, allErrors: false, logger: false, allowUnionTypes: true };

function ajvFor(dialect: string | undefined): Ajv | string {
  const d = (dialect ?? '').replace(/#$/, '');
  let ajv: Ajv;
  if (d === '' || d === 'http://json-schema.org/draft-07/schema') ajv = new Ajv(OPTIONS);
  else if (d === 'http://json-schema.org/draft-06/schema') {
    ajv = new Ajv(OPTIONS);
    ajv.addMetaSchema(draft06);
  } else if (d === 'https://json-schema.org/draft/2019-09/schema') ajv = new Ajv2019(OPTIONS);
  else if (d === 'https://json-schema.org/draft/2020-12/schema') ajv = new Ajv2020(OPTIONS);
  else return `the registry’s JSON Schema uses the dialect ${dialect}, which cannot be checked (draft-06, draft-07, 2019-09 and 2020-12 can)`;
  addFormats(ajv);
  return ajv;
}

function compile(schemaText: string, references: readonly JsonSchemaReference[]): Check {
  let schema: unknown;
  try {
    schema = JSON.parse(schemaText);
  } catch {
    return { error: 'the registry’s JSON Schema is not valid JSON' };
  }
  if (typeof schema !== 'boolean' && (typeof schema !== 'object' || schema === null || Array.isArray(schema))) return { error: 'the registry’s JSON Schema is not an object' };
  const dialect = typeof schema === 'object' && typeof (schema as { $schema?: unknown }).$schema === 'string' ? (schema as { $schema: string }).$schema : undefined;
  const ajv = ajvFor(dialect);
  if (typeof ajv === 'string') return { error: ajv };
  try {
    for (const r of references) ajv.addSchema(JSON.parse(r.schema) as AnySchema, r.name);
    return ajv.compile(schema as AnySchema);
  } catch (err) {
    return { error: `the registry’s JSON Schema cannot be used: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function checkFor(id: number, schemaText: string, references: readonly JsonSchemaReference[]): Check {
  const key = `${id}\0${schemaText}`;
  let check = compiled.get(key);
  if (!check) {
    check = compile(schemaText, references);
    if (compiled.size >= MAX_KEPT) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, check);
  }
  return check;
}

/** The value as plain JSON for Ajv: lossless numbers become numbers (what a JSON Schema compares). */
function plain(v: JsonInput): unknown {
  if (isNumberInput(v)) return Number(v.value);
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

/** The value a JSON Pointer names inside `root` (undefined when it names nothing). */
function valueAt(root: JsonInput, pointer: string): JsonInput | undefined {
  let at: JsonInput | undefined = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(at)) at = at[Number(key)];
    else if (at !== null && typeof at === 'object' && !isNumberInput(at) && Object.hasOwn(at, key)) at = at[key];
    else return undefined;
  }
  return at;
}

const got = (root: JsonInput, e: ErrorObject) => {
  const v = valueAt(root, e.instancePath);
  return v === undefined ? '' : `, got ${described(v)}`;
};

/** One Ajv error as the encoders say it: where (a JSON Pointer) and what is wrong. */
function explain(e: ErrorObject, all: readonly ErrorObject[], root: JsonInput): EncodeFailure {
  const p = e.params as Record<string, unknown>;
  const at = e.instancePath;
  switch (e.keyword) {
    case 'type':
      return { path: at, error: `expected ${String(p.type).split(',').join(' or ')}${got(root, e)}` };
    case 'enum':
      return { path: at, error: `expected one of ${(p.allowedValues as unknown[]).map((x) => JSON.stringify(x)).join(', ')}${got(root, e)}` };
    case 'const':
      return { path: at, error: `expected ${JSON.stringify(p.allowedValue)}${got(root, e)}` };
    case 'required':
      return { path: childPath(at, String(p.missingProperty)), error: `missing required property "${String(p.missingProperty)}"` };
    case 'additionalProperties':
      return { path: childPath(at, String(p.additionalProperty)), error: `property "${String(p.additionalProperty)}" is not allowed (additionalProperties is false)` };
    case 'unevaluatedProperties':
      return { path: childPath(at, String(p.unevaluatedProperty)), error: `property "${String(p.unevaluatedProperty)}" is not allowed (unevaluatedProperties is false)` };
    case 'format':
      return { path: at, error: `is not a valid ${String(p.format)}${got(root, e)}` };
    case 'pattern':
      return { path: at, error: `does not match the pattern ${String(p.pattern)}` };
    case 'minLength':
      return { path: at, error: `shorter than ${String(p.limit)} characters` };
    case 'maxLength':
      return { path: at, error: `longer than ${String(p.limit)} characters` };
    case 'minItems':
      return { path: at, error: `fewer than ${String(p.limit)} items` };
    case 'maxItems':
      return { path: at, error: `more than ${String(p.limit)} items` };
    case 'anyOf':
    case 'oneOf': {
      if (Array.isArray(p.passingSchemas)) return { path: at, error: `matches more than one schema of oneOf (#${p.passingSchemas.join(' and #')})` };
      // Each branch's own decisive error (its last), said relative to the combinator's value.
      const branches = new Map<string, ErrorObject>();
      for (const b of all) {
        const m = b.schemaPath.startsWith(`${e.schemaPath}/`) ? /^\/(\d+)/.exec(b.schemaPath.slice(e.schemaPath.length)) : null;
        if (m) branches.set(m[1]!, b);
      }
      const reasons = [...branches].map(([i, b]) => {
        const why = explain(b, [], root);
        const where = why.path !== at && why.path.startsWith(at) ? ` at ${why.path.slice(at.length)}` : '';
        return `#${i}${where}: ${why.error}`;
      });
      return { path: at, error: `matches no schema of ${e.keyword}${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}` };
    }
    default:
      return { path: at, error: e.message ?? `fails ${e.keyword}` };
  }
}

/** Where and why `value` does not fit the JSON Schema with this id; null when it fits. */
export function jsonSchemaFailure(id: number, schemaText: string, references: readonly JsonSchemaReference[], value: JsonInput): EncodeFailure | null {
  const check = checkFor(id, schemaText, references);
  if ('error' in check) return { path: '', error: check.error };
  if (check(plain(value))) return null;
  const errors = check.errors ?? [];
  const decisive = errors.at(-1);
  return decisive ? explain(decisive, errors, value) : { path: '', error: 'does not match the schema' };
}
