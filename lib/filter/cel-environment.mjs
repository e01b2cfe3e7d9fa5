// The filter language, declared once for the two places that need it: the request's thread, which
// parses and type-checks an expression so a mistake is a 400 pointing at its position before any
// record is read, and the filter worker (filter-worker.mjs), which evaluates it. Plain JavaScript
// because the worker runs it as it is, without a build step.
//
// Why CEL (Common Expression Language, via @marcbachmann/cel-js) and not JSONata: CEL was made for
// exactly this, evaluating an untrusted user's predicate over a request (Kubernetes admission,
// Envoy, Firebase rules). It has no loops, no recursion and no user-defined functions, so every
// expression terminates; its integers are 64-bit (BigInt here), so `offset == 9223372036854775807`
// is exact, where JSONata's numbers are doubles; it is type-checked before it runs, so `offset >
// "a"` is refused at its position instead of failing record by record; and its syntax
// (`value.amount > 100 && headers["source"] == "web"`) reads like the code users already write.
// JSONata is a transformation language whose user-defined functions can recurse without bound.
// Neither is ever given to eval, Function or vm: cel-js is an interpreter over its own syntax tree.
// What CEL still allows (nested comprehensions over large lists, a backtracking regex in
// matches()) is bounded by the worker's time budgets (filter-run.ts).
import { Environment } from '@marcbachmann/cel-js';
import { isInteger, parse as parseLossless } from 'lossless-json';

/** The variables an expression sees, with their CEL types. */
export const FILTER_VARIABLES = [
  ['key', 'dyn'],
  ['value', 'dyn'],
  ['headers', 'map<string, string>'],
  ['partition', 'int'],
  ['offset', 'int'],
  ['timestamp', 'int'],
  ['size', 'int'],
];

/** Small enough to type-check in microseconds; far above any filter a person types. */
const LIMITS = { maxAstNodes: 2_000, maxDepth: 64, maxListElements: 1_000, maxMapEntries: 1_000, maxCallArguments: 32 };

export function filterEnvironment() {
  const env = new Environment({ homogeneousAggregateLiterals: false, limits: LIMITS });
  for (const [name, type] of FILTER_VARIABLES) env.registerVariable(name, type);
  return env;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** JSON numbers: whole numbers that fit CEL's int are ints (exact to 64 bits), the rest doubles. */
function celNumber(text) {
  if (isInteger(text)) {
    const n = BigInt(text);
    if (n >= INT64_MIN && n <= INT64_MAX) return n;
  }
  return Number(text);
}

/** A payload as the expression sees it: parsed JSON (objects and arrays always; any JSON when the
 * decoder produced JSON, as Avro or Protobuf do), else its text, else null. */
export function payloadValue(text, json) {
  if (text === null || text === undefined) return null;
  if (json === 'always' || (json === 'maybe' && /^\s*[[{]/.test(text))) {
    try {
      return parseLossless(text, null, celNumber);
    } catch {
      return text;
    }
  }
  return text;
}

/** The expression's variables for one record (see filter-input.ts for the record's shape). */
export function celInput(r) {
  const headers = {};
  for (const [k, v] of r.headers) headers[k] = v;
  return {
    key: payloadValue(r.key, r.keyJson),
    value: payloadValue(r.value, r.valueJson),
    headers,
    partition: BigInt(r.partition),
    offset: BigInt(r.offset),
    timestamp: BigInt(r.timestamp),
    size: BigInt(r.size),
  };
}
