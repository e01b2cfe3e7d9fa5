// Reshapes a record read from Kafka into the Message DTO the browser renders: offsets as strings,
// key/value decoded by the one decode step in the formats chosen (capped), headers decoded, and the
// batch flags kafkajs exposes. An undecodable record keeps its place with an error badge.
import 'server-only';
import { PAYLOAD_CAP_BYTES, PLAIN_DECODING, decideFormat, decodeHeaders, payloadOf, undecodablePayload, type DecodeChoice, type Decision } from '../../decode';
import type { Message, Payload } from '../../schemas/message';
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

/** Decodes (unless already decided, as search does) and caps one payload, spending the budget on
 * the text and bytes actually sent. */
function decodeWithin(bytes: Uint8Array | null | undefined, role: 'key' | 'value', choice: DecodeChoice, budget: PayloadBudget, decided?: Decision): Payload | null {
  if (bytes === null || bytes === undefined) return null;
  const cap = budget.cap();
  const format = role === 'key' ? choice.keyFormat : choice.valueFormat;
  const p = payloadOf(bytes, decided ?? decideFormat(bytes, format, choice.lookup, role === 'value' ? choice.valueDescriptor : undefined), cap);
  budget.spend((p.text?.length ?? 0) + Math.ceil(((p.base64?.length ?? 0) * 3) / 4));
  return p;
}

/** Key and value decisions a caller already made (search decides before it matches). */
export interface Decided {
  key?: Decision;
  value?: Decision;
}

export function toMessage(r: ReadRecord, budget: PayloadBudget = new PayloadBudget(), choice: DecodeChoice = PLAIN_DECODING, decided: Decided = {}): Message {
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
    key: decodeWithin(r.raw.key, 'key', choice, budget, decided.key),
    value: decodeWithin(r.raw.value, 'value', choice, budget, decided.value),
    headers: decodeHeaders(r.raw.headers),
    compression: null,
    transactional: r.raw.batchContext?.inTransaction ?? null,
  };
}

export function recordTimestamp(r: ReadRecord): number {
  const ts = r.raw ? Number(r.raw.timestamp) : NaN;
  return Number.isFinite(ts) ? ts : -1;
}
