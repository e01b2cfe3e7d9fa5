// Bounds of the long-running message work (live tails, filters, exports, replays), read once at
// start-up like every other setting. Each has a default that keeps one console safe on a laptop;
// operators raise them for a bigger machine.
import 'server-only';
import { ConfigError, readMs, type Env } from './errors';

export interface StreamsConfig {
  /** Live tails running at once per cluster; one more is refused with 429. */
  maxTails: number;
  /** Longest one record's filter evaluation may take before the filter is stopped. */
  filterRecordMs: number;
  /** Longest all of one request's filter evaluations may take together (a tail: per fetch). */
  filterRequestMs: number;
  /** An export stops after this many records, and says so at the end of the file. */
  exportMaxRecords: number;
  /** An export stops after this many bytes, and says so at the end of the file. */
  exportMaxBytes: number;
  /** A replay copies at most this many records. */
  replayMaxRecords: number;
}

function readWhole(env: Env, name: string, fallback: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) throw new ConfigError(name, `must be a whole number between 1 and ${max}`);
  return Number(raw);
}

export function readStreams(env: Env): StreamsConfig {
  return {
    maxTails: readWhole(env, 'KAFSCOPE_MAX_TAILS', 4, 256),
    filterRecordMs: readMs(env, 'KAFSCOPE_FILTER_RECORD_MS', 100, 60_000),
    filterRequestMs: readMs(env, 'KAFSCOPE_FILTER_REQUEST_MS', 10_000),
    exportMaxRecords: readWhole(env, 'KAFSCOPE_EXPORT_MAX_RECORDS', 1_000_000, 1_000_000_000),
    exportMaxBytes: readWhole(env, 'KAFSCOPE_EXPORT_MAX_BYTES', 1024 ** 3, 1024 ** 4),
    replayMaxRecords: readWhole(env, 'KAFSCOPE_REPLAY_MAX_RECORDS', 100_000, 10_000_000),
  };
}
