// The audit trail: one JSON object per line, appended to a file that is rotated by size
// (audit.jsonl -> audit.1.jsonl -> … up to `keep` old files), and read back newest first for the
// audit page. Appends are synchronous so entries land in the order their requests finished and a
// crash loses none that were answered; one line is a few hundred bytes. One process writes one file:
// several instances each keep their own, or share a trail through KAFSCOPE_AUDIT_TOPIC, to which
// every entry about a cluster is also queued, for that cluster (lib/kafka/audit/audit-topic.ts);
// sign-ins and sign-outs, about no cluster, stay in the file.
import 'server-only';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditConfig } from '../config/audit';
import { produceAuditEntry } from '../kafka/audit/audit-topic';
import type { AuditEntry, AuditQuery } from '../schemas/audit';

/** audit.jsonl -> audit.1.jsonl; a name without .jsonl gets .1 appended. */
export function rotatedName(file: string, n: number): string {
  return file.endsWith('.jsonl') ? `${file.slice(0, -'.jsonl'.length)}.${n}.jsonl` : `${file}.${n}`;
}

export function appendAudit(config: AuditConfig, entry: AuditEntry): void {
  if (!config.enabled) return;
  const line = JSON.stringify(entry) + '\n';
  try {
    mkdirSync(dirname(config.file), { recursive: true });
    const size = existsSync(config.file) ? statSync(config.file).size : 0;
    if (size > 0 && size + Buffer.byteLength(line) > config.maxBytes) rotate(config);
    appendFileSync(config.file, line, { mode: 0o600 });
  } catch (err) {
    // The change happened; failing its answer now would only hide that. Say so loudly instead.
    console.error(`kafscope: could not write the audit log ${config.file}: ${(err as Error).message}`);
  }
  if (config.topic && entry.cluster !== null) produceAuditEntry(config.topic, { ...entry, cluster: entry.cluster });
}

function rotate(config: AuditConfig): void {
  if (config.keep === 0) {
    rmSync(config.file, { force: true });
    return;
  }
  rmSync(rotatedName(config.file, config.keep), { force: true });
  for (let n = config.keep - 1; n >= 1; n--) {
    if (existsSync(rotatedName(config.file, n))) renameSync(rotatedName(config.file, n), rotatedName(config.file, n + 1));
  }
  renameSync(config.file, rotatedName(config.file, 1));
}

function matches(e: AuditEntry, q: AuditQuery): boolean {
  if (q.user && e.user !== q.user) return false;
  if (q.cluster && e.cluster !== q.cluster) return false;
  if (q.action && e.action !== q.action) return false;
  if (q.result && (q.result === 'ok') !== e.result.ok) return false;
  const t = Date.parse(e.time);
  if (q.from !== undefined && t < q.from) return false;
  if (q.to !== undefined && t > q.to) return false;
  return true;
}

/** Entries matching the query and `visible` (the clusters the reader may audit), newest first, from
 * the current file and then the rotated ones. */
export function readAuditEntries(config: AuditConfig, q: AuditQuery, visible: (cluster: string | null) => boolean): AuditEntry[] {
  const files = [config.file, ...Array.from({ length: config.keep }, (_, i) => rotatedName(config.file, i + 1))];
  const out: AuditEntry[] = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    const lines = readFileSync(file, 'utf8').split('\n');
    for (let i = lines.length - 1; i >= 0; i--) {
      const text = lines[i]!;
      if (!text) continue;
      let e: AuditEntry;
      try {
        e = JSON.parse(text) as AuditEntry;
      } catch {
        continue; // a torn last line after a crash
      }
      if (!visible(e.cluster) || !matches(e, q)) continue;
      out.push(e);
      if (out.length >= q.limit) return out;
    }
  }
  return out;
}
