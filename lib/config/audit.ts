// Where the audit trail goes: an append-only JSON-lines file (rotated by size, a few old files
// kept), optionally also a Kafka topic on each cluster so several console instances share one trail.
// Reads of messages are recorded only when asked for (they are many), exports always; message
// payloads never, unless asked for.
import 'server-only';
import { resolve } from 'node:path';
import { ConfigError, readBool, type Env } from './errors';

export interface AuditConfig {
  enabled: boolean;
  file: string;
  maxBytes: number;
  keep: number;
  reads: boolean;
  payloads: boolean;
  /** Produce each entry to this topic on the entry's cluster too; null: the file only. */
  topic: string | null;
}

export function readAudit(env: Env): AuditConfig {
  const dataDir = env.KAFSCOPE_DATA_DIR?.trim() || 'data';
  const maxMb = env.KAFSCOPE_AUDIT_MAX_MB?.trim();
  if (maxMb && (!/^\d{1,5}$/.test(maxMb) || Number(maxMb) < 1)) throw new ConfigError('KAFSCOPE_AUDIT_MAX_MB', 'must be a whole number of megabytes, at least 1');
  const keep = env.KAFSCOPE_AUDIT_KEEP?.trim();
  if (keep && (!/^\d{1,3}$/.test(keep) || Number(keep) > 100)) throw new ConfigError('KAFSCOPE_AUDIT_KEEP', 'must be a whole number of files between 0 and 100');
  const topic = env.KAFSCOPE_AUDIT_TOPIC?.trim() || null;
  if (topic && !/^[A-Za-z0-9._-]{1,249}$/.test(topic)) throw new ConfigError('KAFSCOPE_AUDIT_TOPIC', 'must be a valid topic name');
  return {
    enabled: readBool(env, 'KAFSCOPE_AUDIT', true),
    file: resolve(env.KAFSCOPE_AUDIT_FILE?.trim() || `${dataDir}/audit/audit.jsonl`),
    maxBytes: (maxMb ? Number(maxMb) : 10) * 1024 * 1024,
    keep: keep ? Number(keep) : 5,
    reads: readBool(env, 'KAFSCOPE_AUDIT_READS', false),
    payloads: readBool(env, 'KAFSCOPE_AUDIT_PAYLOADS', false),
    topic,
  };
}
