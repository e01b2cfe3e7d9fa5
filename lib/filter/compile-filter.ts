// A filter is parsed and type-checked once per request, on the request's thread, before any record
// is read: a typo is a 400 that points at its position, and an expression that cannot give true or
// false (`value.amount + 1`) is refused up front instead of failing on every record.
import 'server-only';
import { filterEnvironment } from './cel-environment.mjs';
import { FILTER_MAX_LENGTH } from '../schemas/filter';
import { FilterError } from './filter-error';

/** An expression known to parse and to give a bool (or a dynamic value checked per record). */
export interface CompiledFilter {
  readonly expression: string;
}

interface CelErrorLike {
  summary?: string;
  message?: string;
  range?: { start: number; end: number } | null;
}

function positionOf(err: CelErrorLike, length: number): { start: number; end: number } | undefined {
  const r = err.range;
  if (!r || typeof r.start !== 'number') return undefined;
  const start = Math.max(0, Math.min(r.start, length));
  return { start, end: Math.max(start, Math.min(typeof r.end === 'number' ? r.end : start, length)) };
}

function fail(expression: string, err: CelErrorLike): never {
  const position = positionOf(err, expression.length);
  const what = (err.summary ?? err.message ?? 'invalid expression').split('\n')[0];
  const at = position ? ` at position ${position.start + 1}` : '';
  throw new FilterError('expression', `Filter: ${what}${at}.`, position);
}

export function compileFilter(expression: string): CompiledFilter {
  if (expression.length > FILTER_MAX_LENGTH) throw new FilterError('expression', `Filter: longer than ${FILTER_MAX_LENGTH} characters.`);
  if (expression.trim() === '') throw new FilterError('expression', 'Filter: the expression is empty.', { start: 0, end: 0 });
  const env = filterEnvironment();
  let checked: { valid: boolean; type?: string; error?: CelErrorLike };
  try {
    checked = env.parse(expression).check() as typeof checked;
  } catch (err) {
    fail(expression, err as CelErrorLike);
  }
  if (!checked.valid) fail(expression, checked.error ?? {});
  if (checked.type !== 'bool' && checked.type !== 'dyn') {
    throw new FilterError('expression', `Filter: the expression gives ${checked.type}, but a filter must give true or false.`, { start: 0, end: expression.length });
  }
  return { expression };
}
