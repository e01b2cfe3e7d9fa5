// A value checked against a JSON Schema before it is produced under that schema's id. The common
// keywords are checked (type, enum, const, required, properties, additionalProperties: false, items,
// minimum/maximum, minLength/maxLength, minItems/maxItems, pattern); others are not checked here and
// the registry's schema still documents them. Each failure names the path of the value at fault.
import { EncodeFault, childPath, described, isNumberInput, isObjectInput, type JsonInput } from './json-input';

type Schema = Record<string, unknown>;

function typeOk(t: string, v: JsonInput): boolean {
  switch (t) {
    case 'null':
      return v === null;
    case 'boolean':
      return typeof v === 'boolean';
    case 'string':
      return typeof v === 'string';
    case 'number':
      return isNumberInput(v);
    case 'integer':
      return isNumberInput(v) && /^-?\d+$/.test(v.value);
    case 'array':
      return Array.isArray(v);
    case 'object':
      return isObjectInput(v);
    default:
      return true;
  }
}

const plain = (v: JsonInput): unknown => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (isNumberInput(x) ? Number(x.value) : x)));
const same = (a: unknown, b: JsonInput) => JSON.stringify(a) === JSON.stringify(plain(b));

export function checkJsonSchema(schema: unknown, v: JsonInput, path = '', depth = 0): void {
  if (depth > 100 || typeof schema !== 'object' || schema === null) return;
  const s = schema as Schema;
  const types = typeof s.type === 'string' ? [s.type] : Array.isArray(s.type) ? (s.type as string[]) : null;
  if (types && !types.some((t) => typeOk(t, v))) throw new EncodeFault(path, `expected ${types.join(' or ')}, got ${described(v)}`);
  if (Array.isArray(s.enum) && !s.enum.some((e) => same(e, v))) throw new EncodeFault(path, `expected one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}, got ${described(v)}`);
  if ('const' in s && !same(s.const, v)) throw new EncodeFault(path, `expected ${JSON.stringify(s.const)}, got ${described(v)}`);
  if (isNumberInput(v)) {
    const n = Number(v.value);
    if (typeof s.minimum === 'number' && n < s.minimum) throw new EncodeFault(path, `${v.value} is below the minimum ${s.minimum}`);
    if (typeof s.maximum === 'number' && n > s.maximum) throw new EncodeFault(path, `${v.value} is above the maximum ${s.maximum}`);
  }
  if (typeof v === 'string') {
    const len = [...v].length;
    if (typeof s.minLength === 'number' && len < s.minLength) throw new EncodeFault(path, `shorter than ${s.minLength} characters`);
    if (typeof s.maxLength === 'number' && len > s.maxLength) throw new EncodeFault(path, `longer than ${s.maxLength} characters`);
    if (typeof s.pattern === 'string') {
      let re: RegExp | null = null;
      try {
        re = new RegExp(s.pattern, 'u');
      } catch {
        re = null;
      }
      if (re && !re.test(v)) throw new EncodeFault(path, `does not match the pattern ${s.pattern}`);
    }
  }
  if (Array.isArray(v)) {
    if (typeof s.minItems === 'number' && v.length < s.minItems) throw new EncodeFault(path, `fewer than ${s.minItems} items`);
    if (typeof s.maxItems === 'number' && v.length > s.maxItems) throw new EncodeFault(path, `more than ${s.maxItems} items`);
    if (s.items && typeof s.items === 'object' && !Array.isArray(s.items)) v.forEach((x, i) => checkJsonSchema(s.items, x, childPath(path, i), depth + 1));
  }
  if (isObjectInput(v)) {
    const props = (s.properties && typeof s.properties === 'object' ? s.properties : {}) as Record<string, unknown>;
    for (const r of Array.isArray(s.required) ? (s.required as string[]) : []) {
      if (!Object.hasOwn(v, r)) throw new EncodeFault(childPath(path, r), `missing required property "${r}"`);
    }
    for (const [k, x] of Object.entries(v)) {
      if (Object.hasOwn(props, k)) checkJsonSchema(props[k], x, childPath(path, k), depth + 1);
      else if (s.additionalProperties === false) throw new EncodeFault(childPath(path, k), `property "${k}" is not allowed (additionalProperties is false)`);
      else if (typeof s.additionalProperties === 'object') checkJsonSchema(s.additionalProperties, x, childPath(path, k), depth + 1);
    }
  }
}
