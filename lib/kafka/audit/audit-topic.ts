// The audit trail produced to a Kafka topic (KAFSCOPE_AUDIT_TOPIC) on each entry's own cluster, so
// several console instances share one trail. The file stays the record of this instance; the topic
// is a copy that must never hold a request up or fail it: entries wait in a bounded queue per
// cluster and are produced in the background, in batches, through the cluster's write path (its
// producer and its budget of writes). While a cluster is down the queue keeps the oldest entries
// and is retried with a growing pause; once it is full, newer entries are dropped, counted, and
// said so in the log once a minute. Delivery is at least once (a retried batch may repeat entries).
//
// Each message: key = the user (the cluster's name when nobody signed in), value = the entry as
// JSON, timestamp = the entry's time, headers naming the content type and the instance.
import 'server-only';
import { hostname } from 'node:os';
import type { AuditEntry } from '../../schemas/audit';
import { listClusters, clientsFor } from '../connection/registry';
import { ensureAuditTopic } from './ensure-audit-topic';

/** Entries waiting per cluster at most (a few hundred bytes each). */
export const AUDIT_QUEUE_LIMIT = 10_000;
const BATCH = 500;
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;
const REPORT_EVERY_MS = 60_000;

export interface AuditTopicStats {
  /** Entries waiting now. */
  queued: number;
  produced: number;
  dropped: number;
}

class TopicTrail {
  private readonly queue: AuditEntry[] = [];
  private draining = false;
  /** The topic is known to exist (checked, or created, before the first batch). */
  private ready = false;
  private produced = 0;
  private dropped = 0;
  private droppedUnreported = 0;
  private lastReport = 0;
  private readonly instance = hostname();

  constructor(
    readonly cluster: string,
    readonly topic: string,
  ) {}

  stats(): AuditTopicStats {
    return { queued: this.queue.length, produced: this.produced, dropped: this.dropped };
  }

  add(entry: AuditEntry): void {
    if (this.queue.length >= AUDIT_QUEUE_LIMIT) {
      this.drop(1, `the queue is full (${AUDIT_QUEUE_LIMIT} entries waiting)`);
      return;
    }
    this.queue.push(entry);
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    let pause = RETRY_FIRST_MS;
    try {
      while (this.queue.length > 0) {
        if (!configured(this.cluster)) {
          this.drop(this.queue.splice(0).length, 'the cluster is no longer configured');
          return;
        }
        const batch = this.queue.slice(0, BATCH);
        try {
          await this.send(batch);
          this.queue.splice(0, batch.length);
          this.produced += batch.length;
          pause = RETRY_FIRST_MS;
        } catch (err) {
          // Perhaps the topic went away: look again before the next batch.
          this.ready = false;
          this.report(`could not produce (${err instanceof Error ? err.message : String(err)})`);
          await new Promise((r) => setTimeout(r, pause).unref());
          pause = Math.min(pause * 2, RETRY_MAX_MS);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async send(batch: AuditEntry[]): Promise<void> {
    const clients = clientsFor(this.cluster);
    if (!this.ready) {
      await ensureAuditTopic(clients, this.topic);
      this.ready = true;
    }
    await clients.writes.produce((producer) =>
      producer.send({
        topic: this.topic,
        acks: -1,
        timeout: clients.timeouts.requestMs,
        messages: batch.map((e) => ({
          key: e.user ?? e.cluster ?? this.cluster,
          value: JSON.stringify(e),
          timestamp: String(Date.parse(e.time)),
          headers: { 'content-type': 'application/json', 'kafscope-instance': this.instance },
        })),
      }),
    );
  }

  private drop(n: number, why: string): void {
    this.dropped += n;
    this.droppedUnreported += n;
    this.report(why);
  }

  /** One line a minute at most, with what was dropped since the last one. */
  private report(why: string): void {
    const now = Date.now();
    if (now - this.lastReport < REPORT_EVERY_MS) return;
    this.lastReport = now;
    const dropped = this.droppedUnreported ? `; ${this.droppedUnreported} entries dropped since the last report` : '';
    this.droppedUnreported = 0;
    console.error(`kafscope: audit topic "${this.topic}" on cluster "${this.cluster}": ${why}; ${this.queue.length} entries waiting${dropped} (the audit file has them all)`);
  }
}

function configured(cluster: string): boolean {
  try {
    return listClusters().some((c) => c.name === cluster);
  } catch {
    return false;
  }
}

const globalKey = Symbol.for('kafscope.audit.topic-trails');
/** One trail per cluster and topic, per process (Next.js bundles share globalThis). */
function trails(): Map<string, TopicTrail> {
  const g = globalThis as unknown as Record<symbol, Map<string, TopicTrail> | undefined>;
  return (g[globalKey] ??= new Map());
}

function trail(cluster: string, topic: string): TopicTrail {
  const key = `${cluster}\u0000${topic}`;
  let t = trails().get(key);
  if (!t) trails().set(key, (t = new TopicTrail(cluster, topic)));
  return t;
}

/** Queues an entry for the topic on its cluster; returns at once, whatever the cluster does. */
export function produceAuditEntry(topic: string, entry: AuditEntry & { cluster: string }): void {
  trail(entry.cluster, topic).add(entry);
}

/** What the trail to `topic` on `cluster` has produced, holds and dropped (health, tests). */
export function auditTopicStats(cluster: string, topic: string): AuditTopicStats {
  return trails().get(`${cluster}\u0000${topic}`)?.stats() ?? { queued: 0, produced: 0, dropped: 0 };
}

/** Every trail's figures (GET /metrics). */
export function allAuditTopicStats(): ({ cluster: string; topic: string } & AuditTopicStats)[] {
  return [...trails().values()].map((t) => ({ cluster: t.cluster, topic: t.topic, ...t.stats() }));
}
