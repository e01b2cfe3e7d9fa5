// Which topic config changes delete data: lowering retention.ms or retention.bytes (or removing an
// override, which falls back to a default that may be lower), and lowering segment.ms below an hour
// (segments then close soon and retention removes what they hold). Such a change needs records:delete
// as well as topic:edit-config and the records-delete switch, because it purges like a purge does.
// Pure and shared: the server refuses with it, the edit dialog says with it what will be deleted.
import type { ConfigEntry } from './config';

const HOUR = 3_600_000;

function int(v: string | null | undefined): bigint | null {
  return v != null && /^-?\d{1,19}$/.test(v.trim()) ? BigInt(v.trim()) : null;
}

function ms(v: bigint): string {
  const n = Number(v);
  if (n % 86_400_000 === 0) return `${n / 86_400_000} day(s)`;
  if (n % HOUR === 0) return `${n / HOUR} hour(s)`;
  if (n % 60_000 === 0) return `${n / 60_000} minute(s)`;
  return `${n} ms`;
}

const LIMITS: Record<string, { unit: (v: bigint) => string; what: (v: string) => string }> = {
  'retention.ms': { unit: ms, what: (v) => `records older than ${v} are deleted` },
  'retention.bytes': { unit: (v) => `${v} bytes`, what: (v) => `each partition keeps only its newest ${v}` },
};

/** Sentences saying what the change would delete; empty when it deletes nothing. */
export function retentionEffects(current: readonly ConfigEntry[], changes: Record<string, string | null>): string[] {
  const now = new Map(current.map((e) => [e.name, e.value]));
  const out: string[] = [];
  for (const [name, next] of Object.entries(changes)) {
    const limit = LIMITS[name];
    if (limit) {
      const before = int(now.get(name));
      if (next === null) {
        if (current.find((e) => e.name === name)?.source === 'DYNAMIC_TOPIC_CONFIG') out.push(`Removing the ${name} override falls back to the broker default; if that is lower, ${limit.what('that limit')}.`);
        continue;
      }
      const after = int(next);
      if (after === null || after < 0n) continue; // invalid (Kafka refuses it) or unlimited
      if (before === null || before < 0n || after < before) {
        out.push(`Lowering ${name} ${before !== null && before >= 0n ? `from ${limit.unit(before)} ` : 'from unlimited '}to ${limit.unit(after)}: ${limit.what(limit.unit(after))}.`);
      }
    }
    if (name === 'segment.ms' && next !== null) {
      const after = int(next);
      const before = int(now.get(name));
      if (after !== null && after >= 0n && after < BigInt(HOUR) && (before === null || after < before)) {
        out.push(`Setting segment.ms to ${ms(after)} closes segments that often, so retention deletes old records that much sooner.`);
      }
    }
  }
  return out;
}
