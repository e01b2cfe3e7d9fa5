// The filter language on its own: mistakes are refused at their position before anything runs,
// 64-bit offsets and JSON integers compare exactly, and expressions that would run for minutes (a
// nested comprehension over a record's list, a backtracking regex) are stopped within their budget
// while the server's own thread stays free.
import { afterEach, describe, expect, it } from 'vitest';
import { compileFilter } from '../../lib/filter/compile-filter';
import { FilterError } from '../../lib/filter/filter-error';
import type { FilterRecord } from '../../lib/filter/filter-record';
import { FilterRun } from '../../lib/filter/filter-run';

const rec = (over: Partial<FilterRecord> = {}): FilterRecord => ({
  key: 'k1',
  keyJson: 'maybe',
  value: '{"amount": 150.5, "n": 5, "id": 9007199254740993}',
  valueJson: 'maybe',
  headers: [['source', 'web']],
  partition: 0,
  offset: '9223372036854775807',
  timestamp: 1_700_000_000_000,
  size: 10,
  ...over,
});

function compileError(expr: string): FilterError {
  try {
    compileFilter(expr);
  } catch (err) {
    if (err instanceof FilterError) return err;
    throw err;
  }
  throw new Error(`"${expr}" compiled`);
}

const runs: FilterRun[] = [];
const run = (expr: string, budgets = { recordMs: 100, requestMs: 2_000 }) => {
  const r = new FilterRun(compileFilter(expr), budgets);
  runs.push(r);
  return r;
};
afterEach(() => runs.splice(0).forEach((r) => r.close()));

describe('compileFilter', () => {
  it('points at the position of a syntax or type error', () => {
    const syntax = compileError('value.amount > ');
    expect(syntax.kind).toBe('expression');
    expect(syntax.position?.start).toBe(15);
    expect(syntax.detail).toMatch(/position 16/);
    const type = compileError('partition == 0 && offset > "a"');
    expect(type.position?.start).toBeGreaterThanOrEqual(18);
    expect(type.detail).toMatch(/overload|int/);
    expect(compileError('size + 1').detail).toMatch(/true or false/);
    expect(compileError('nosuchvar == 1').detail).toMatch(/nosuchvar/i);
  });
});

describe('FilterRun', () => {
  it('evaluates over key, value fields, headers and metadata, exact to 64 bits', async () => {
    const r = run('value.amount > 100 && headers["source"] == "web" && offset == 9223372036854775807 && value.id == 9007199254740993 && key.startsWith("k")');
    const v = await r.test([rec(), rec({ headers: [['source', 'app']] }), rec({ value: '{"amount": 150.5, "n": 5, "id": 9007199254740992}' }), rec({ offset: '9223372036854775806' })]);
    expect(v.keep).toEqual([true, false, false, false]);
  });

  it('a record the expression fails on is not kept, and the reason is counted', async () => {
    const v = await run('value.missing > 1').test([rec(), rec({ value: 'plain text' })]);
    expect(v.keep).toEqual([false, false]);
    expect(v.errors).toBe(2);
    expect(v.firstError).toMatch(/missing|no such/i);
  });

  it('stops a comprehension that explodes within the per-record budget, and the event loop stays free', async () => {
    const items = JSON.stringify({ items: Array.from({ length: 1_000 }, (_, i) => i) });
    const r = run('value.items.all(a, value.items.all(b, value.items.all(c, a + b + c >= 0)))', { recordMs: 150, requestMs: 10_000 });
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const started = performance.now();
    const err = await r.test([rec({ value: items })]).catch((e: unknown) => e);
    const took = performance.now() - started;
    clearInterval(ticker);
    expect(err).toBeInstanceOf(FilterError);
    expect((err as FilterError).detail).toMatch(/per record/);
    expect((err as FilterError).detail).toMatch(/offset 9223372036854775807/);
    expect(took).toBeLessThan(150 + 1_000);
    // The server's thread ran its timers all along (10 ms ticks): the filter ran elsewhere.
    expect(ticks).toBeGreaterThan((took - 400) / 20);
    // The run is over: further batches are refused with the same reason.
    await expect(r.test([rec()])).rejects.toBeInstanceOf(FilterError);
  });

  it('stops a backtracking regex in matches() within budget', async () => {
    const r = run('value.matches("^(a+)+$")', { recordMs: 100, requestMs: 10_000 });
    const started = performance.now();
    await expect(r.test([rec({ value: 'a'.repeat(40) + '!', valueJson: 'never' })])).rejects.toThrow(/per record/);
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('stops when the request budget is spent, though each record is quick', async () => {
    const items = JSON.stringify({ items: Array.from({ length: 1_000 }, (_, i) => i) });
    const r = run('value.items.all(a, value.items.all(b, b >= 0))', { recordMs: 5_000, requestMs: 300 });
    const many = Array.from({ length: 200 }, () => rec({ value: items }));
    const started = performance.now();
    await expect(r.test(many)).rejects.toThrow(/per request/);
    expect(performance.now() - started).toBeLessThan(300 + 1_000);
  });
});
