// Reshapes a record read from Kafka into the Message DTO the browser renders: offsets as strings,
// key/value decoded (JSON, text or binary, capped), headers decoded, and the batch flags kafkajs
// exposes. An undecodable record keeps its place with an error badge.
import { decodeHeaders, decodePayload, undecodablePayload } from '../decode';
import type { Message } from '../schemas/message';
import type { ReadRecord } from './reader';

const LOG_APPEND_TIME = 1;

export function toMessage(r: ReadRecord): Message {
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
    key: decodePayload(r.raw.key),
    value: decodePayload(r.raw.value),
    headers: decodeHeaders(r.raw.headers),
    compression: null,
    transactional: r.raw.batchContext?.inTransaction ?? null,
  };
}

export function recordTimestamp(r: ReadRecord): number {
  const ts = r.raw ? Number(r.raw.timestamp) : NaN;
  return Number.isFinite(ts) ? ts : -1;
}
