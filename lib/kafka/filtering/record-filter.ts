// The bridge between records read from Kafka and the filter (lib/filter): each record's key and
// value are decoded by the one decode step, in full and in the formats asked for, and handed to the
// request's filter worker in batches. The decisions made on the way are kept, so a kept record's
// DTO is not decoded twice. Filter failures leave as domain errors: a bad expression is "invalid"
// (400, with its position), a blown budget too (the expression is the thing to change).
import 'server-only';
import { currentConsoleConfig } from '../../config';
import { decideFormat, searchableText, type DecodeChoice, type Decision } from '../../decode';
import { compileFilter, type CompiledFilter } from '../../filter/compile-filter';
import { FilterError } from '../../filter/filter-error';
import type { FilterRecord, JsonHint } from '../../filter/filter-record';
import { FilterRun } from '../../filter/filter-run';
import { DomainError } from '../errors';
import type { Decided } from '../reading/message-dto';
import type { ReadRecord } from '../reading/reader';

export function asDomainError(err: unknown): unknown {
  if (err instanceof FilterError) return new DomainError('invalid', err.detail, { field: 'filter', position: err.position });
  return err;
}

/** Parses and checks the request's filter (400 with the position when it is wrong). */
export function checkFilter(expression: string | undefined): CompiledFilter | null {
  if (expression === undefined || expression.trim() === '') return null;
  try {
    return compileFilter(expression);
  } catch (err) {
    throw asDomainError(err);
  }
}

const hintOf = (d: Decision): JsonHint => (d.kind === 'decoded' ? 'always' : d.kind === 'plain' ? 'maybe' : 'never');

function textOf(bytes: Uint8Array | null | undefined, d: Decision | undefined): string | null {
  if (!bytes || !d) return null;
  return searchableText(bytes, d);
}

/** A record as the filter sees it; `decided` receives the decode decisions for the DTO. */
export function filterRecordOf(r: ReadRecord, choice: DecodeChoice, decided: Decided): FilterRecord {
  const raw = r.raw;
  if (raw?.key) decided.key ??= decideFormat(raw.key, choice.keyFormat, choice.lookup);
  if (raw?.value) decided.value ??= decideFormat(raw.value, choice.valueFormat, choice.lookup, choice.valueDescriptor);
  const headers: [string, string][] = [];
  for (const [k, v] of Object.entries(raw?.headers ?? {})) {
    const last = Array.isArray(v) ? v[v.length - 1] : v;
    headers.push([k, last ? Buffer.from(last).toString('utf8') : '']);
  }
  return {
    key: textOf(raw?.key, decided.key),
    keyJson: decided.key ? hintOf(decided.key) : 'never',
    value: textOf(raw?.value, decided.value),
    valueJson: decided.value ? hintOf(decided.value) : 'never',
    headers,
    partition: r.partition,
    offset: r.offset.toString(),
    timestamp: raw ? Number(raw.timestamp) : -1,
    size: (raw?.key?.length ?? 0) + (raw?.value?.length ?? 0),
  };
}

/** A record that passed, with its decode decisions. */
export interface Kept {
  record: ReadRecord;
  decided: Decided;
}

/** One request's filter: start it once, test batches, close it at the end (always). */
export class RecordFilter {
  private readonly run: FilterRun;
  /** Records the expression failed on so far, and the first reason. */
  errors = 0;
  firstError: string | null = null;
  /** Batches from parallel readers take turns in the one worker. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(filter: CompiledFilter) {
    const { filterRecordMs, filterRequestMs } = currentConsoleConfig().streams;
    this.run = new FilterRun(filter, { recordMs: filterRecordMs, requestMs: filterRequestMs });
  }

  /** Starts a filter when the request has one (after checkFilter). */
  static open(filter: CompiledFilter | null): RecordFilter | null {
    return filter ? new RecordFilter(filter) : null;
  }

  resetRequestBudget(): void {
    this.run.resetRequestBudget();
  }

  /** The records that pass, in their order. Unreadable records (no raw bytes) never pass. */
  async keep(records: readonly ReadRecord[], choice: DecodeChoice, decided: Decided[] = records.map(() => ({}))): Promise<Kept[]> {
    const readable: number[] = [];
    const inputs: FilterRecord[] = [];
    records.forEach((r, i) => {
      if (!r.raw) return;
      readable.push(i);
      inputs.push(filterRecordOf(r, choice, decided[i]!));
    });
    let verdicts;
    try {
      const turn = this.queue.then(() => this.run.test(inputs));
      this.queue = turn.catch(() => undefined);
      verdicts = await turn;
    } catch (err) {
      throw asDomainError(err);
    }
    this.errors += verdicts.errors;
    this.firstError ??= verdicts.firstError;
    const out: Kept[] = [];
    verdicts.keep.forEach((k, j) => {
      if (k) out.push({ record: records[readable[j]!]!, decided: decided[readable[j]!]! });
    });
    return out;
  }

  close(): void {
    this.run.close();
  }
}

/** Every record, each with no decisions yet (what "no filter" keeps). */
export const keepAll = (records: readonly ReadRecord[]): Kept[] => records.map((record) => ({ record, decided: {} }));

/** One batch through a filter started for it (a page of records). */
export async function keepMatching(filter: CompiledFilter | null, records: readonly ReadRecord[], choice: DecodeChoice): Promise<Kept[]> {
  const run = RecordFilter.open(filter);
  if (!run) return keepAll(records);
  try {
    return await run.keep(records, choice);
  } finally {
    run.close();
  }
}
