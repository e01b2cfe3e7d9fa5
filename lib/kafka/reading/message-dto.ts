// Reshapes a record read from Kafka into the Message DTO the browser renders: offsets as strings,
// key/value decoded (JSON, text or binary, capped), headers decoded, and the batch flags kafkajs
// exposes. An undecodable record keeps its place with an error badge.
import 'server-only';
import { PAYLOAD_CAP_BYTES, decodeHeaders, decodePayload, undecodablePayload } from '../../decode';
import type { Message } from '../../schemas/message';
import type { ReadRecord } from './reader';

const LOG_APPEND_TIME = 1;

/** Bytes of key and value text one response may carry in all (a page, or one search stream). */
export const RESPONSE_PAYLOAD_BUDGET = 32 * 1024 * 1024;
/** What a payload still shows once the budget is spent: enough for the row's preview. */
export const PREVIEW_CAP_BYTES = 4 * 1024;

/**
 * Hands out payload caps for one response: each payload may use up to PAYLOAD_CAP_BYTES while the
 * response's budget lasts, then only a preview (marked truncated; opening that message alone shows
 * it whole). Without it a page of 1,000 records of 2 MB would be a 1 GB answer.
 */
export class PayloadBudget {
  private left: number;
  constructor(total = RESPONSE_PAYLOAD_BUDGET) {
    this.left = total;
  }
  cap(): number {
    return this.left >= PAYLOAD_CAP_BYTES ? PAYLOAD_CAP_BYTES : PREVIEW_CAP_BYTES;
  }
  spend(bytes: number): void {
    this.left -= bytes;
  }
}

function decodeWithin(bytes: Uint8Array | null | undefined, budget: PayloadBudget) {
  const p = decodePayload(bytes, budget.cap());
  budget.spend(Math.min(p?.size ?? 0, budget.cap()));
  return p;
}

export function toMessage(r: ReadRecord, budget: PayloadBudget = new PayloadBudget()): Message {
  if (!r.raw) {
    return {
      partition: r.partition,
      offset: r.offset.toString(),
      timestamp: -1,
      timestampType: 'CreateTime',
      key: null,
      value: undecodablePayload(r.error ?? 'Undecodable record'),
      headers: [],
      compression: null,
      transactional: null,
    };
  }
  const ts = Number(r.raw.timestamp);
  return {
    partition: r.partition,
    offset: r.offset.toString(),
    timestamp: Number.isFinite(ts) ? ts : -1,
    timestampType: r.raw.batchContext?.timestampType === LOG_APPEND_TIME ? 'LogAppendTime' : 'CreateTime',
    key: decodeWithin(r.raw.key, budget),
    value: decodeWithin(r.raw.value, budget),
    headers: decodeHeaders(r.raw.headers),
    compression: null,
    transactional: r.raw.batchContext?.inTransaction ?? null,
  };
}

export function recordTimestamp(r: ReadRecord): number {
  const ts = r.raw ? Number(r.raw.timestamp) : NaN;
  return Number.isFinite(ts) ? ts : -1;
}
