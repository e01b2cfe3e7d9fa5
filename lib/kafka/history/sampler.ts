// The lag sampler of one cluster: every interval (30 s by default) it reads every group's committed
// offsets and member count and every committed partition's log start and log end, and appends the
// round to the cluster's lag store (store.ts), which judges every group again.
//
// It reads the way the group index does (lib/kafka/groups/group-index.ts): the groups and their
// coordinators from one ListGroups per broker (listGroupIds, read fresh, which also refreshes the
// pages' 2 s cache), then OffsetFetch at each coordinator, 250 groups a request where the broker
// takes many (v8, Kafka 3.0+) and else one per group, each coordinator's connection looked up once
// per round; members from DescribeGroups, 500 ids a request per coordinator; then the log starts
// and ends from getWatermarks (one ListOffsets per leader and timestamp), read after the commits.
//
// A round is long work, so it holds a place in the cluster's long lane for its whole duration, and
// the per-group requests (at 10,000 groups: 40 OffsetFetch, or 10,000 before Kafka 3.0) run on that
// lane's reader, never on the interactive one. When the long lane is full (searches running) the round is skipped with a log
// line instead of waiting: the next one comes an interval later. Its place is a yielding one
// (connection/gate.ts): a search that would otherwise be refused takes it, and the round stops
// asking (it is skipped, counted, and the next one comes an interval later), so the sampler is
// never the reason a person's search gets 429. The listing and the watermarks go
// through the shared, batched functions (a handful of requests per round, on the interactive lane,
// which never waits for the long one, so nothing can deadlock). Rounds never overlap: the next
// starts an interval after the previous one started, or at once when that one overran.
import 'server-only';
import { mapBounded } from '../connection/cache';
import { invalidate } from '../connection/cache-keys';
import type { ClusterClients } from '../connection/clients';
import type { RawBroker, RawCluster } from '../connection/kafkajs-types';
import { describeGroupsOn } from '../connection/raw-requests';
import { DomainError } from '../errors';
import { committedAt, listGroupIds, type Committed, type GroupListing } from '../groups/groups-data';
import { brokerOn } from '../reading/reader-broker';
import { getWatermarks, tpKey } from '../reading/watermarks';
import type { LagStore } from './store';
import { systemClock, type Clock, type GroupSample, type RoundSample } from './types';

/** Groups per OffsetFetch where the broker takes many (v8, Kafka 3.0+), as the group index asks. */
const GROUPS_PER_OFFSET_FETCH = 250;
/** Ids per DescribeGroups request, as the group pages use. */
const DESCRIBE_CHUNK = 500;
/** A failing cluster is reported once, then at most this often. */
const REPEAT_LOG_MS = 10 * 60_000;

export interface RoundReport {
  /** When the round started (ms since the epoch). */
  at: number;
  durationMs: number;
  outcome: 'ok' | 'skipped' | 'failed';
  groups: number;
  partitions: number;
  /** Why it was skipped or failed. */
  error?: string;
}

export interface LagSamplerOptions {
  clusterName: string;
  /** The cluster's clients, asked anew each round (they are rebuilt when the configuration changes). */
  clients: () => ClusterClients;
  store: LagStore;
  intervalMs: number;
  clock?: Clock;
  log?: (line: string) => void;
}

export interface SamplerCounters {
  ok: number;
  skipped: number;
  failed: number;
}

export interface LagSampler {
  readonly clusterName: string;
  readonly intervalMs: number;
  /** The last round that ended, whatever its outcome. */
  readonly lastRound: RoundReport | null;
  /** When the last successful round ended (ms since the epoch). */
  readonly lastSuccessAt: number | null;
  readonly counters: SamplerCounters;
  /** Runs a round now (tests), unless one is running; resolves when it has ended. */
  roundNow(): Promise<RoundReport>;
  stop(): Promise<void>;
}

/** Each group's coordinator connection, looked up once per round; one that broke is looked up again. */
function coordinatorLookup(cluster: RawCluster) {
  const brokers = new Map<number, Promise<RawBroker | null>>();
  return {
    get(node: number): Promise<RawBroker | null> {
      let b = brokers.get(node);
      if (!b) brokers.set(node, (b = brokerOn(cluster, node).catch(() => null)));
      return b;
    },
    forget(node: number): void {
      brokers.delete(node);
    },
  };
}

async function readGroups(cluster: RawCluster, listed: GroupListing[], signal?: AbortSignal): Promise<{ commits: Map<string, Committed[]>; members: Map<string, number> }> {
  const coordinators = coordinatorLookup(cluster);
  const commits = new Map<string, Committed[]>();
  const members = new Map<string, number>();
  const byCoordinator = new Map<number, string[]>();
  for (const g of listed) {
    const list = byCoordinator.get(g.coordinator);
    if (list) list.push(g.groupId);
    else byCoordinator.set(g.coordinator, [g.groupId]);
  }
  const chunks: [number, string[]][] = [];
  for (const [node, ids] of byCoordinator) for (let i = 0; i < ids.length; i += DESCRIBE_CHUNK) chunks.push([node, ids.slice(i, i + DESCRIBE_CHUNK)]);
  await Promise.all([
    Promise.all(
      [...byCoordinator].map(async ([node, ids]) => {
        const broker = await coordinators.get(node);
        if (!broker || signal?.aborted) return;
        try {
          for (const [id, c] of await committedAt(broker, ids, { perRequest: GROUPS_PER_OFFSET_FETCH, inFlight: 2, signal })) commits.set(id, c);
        } catch {
          // This coordinator refused or went away: its groups are left out of this round.
          if (!broker.isConnected()) coordinators.forget(node);
        }
      }),
    ),
    mapBounded(chunks, 4, async ([node, ids]) => {
      if (signal?.aborted) return;
      const broker = await coordinators.get(node);
      if (!broker) return;
      try {
        const { groups } = await describeGroupsOn(broker, ids);
        for (const d of groups) if (d.errorCode === 0) members.set(d.groupId, d.members.length);
      } catch {
        // Members unknown for these groups this round.
      }
    }),
  ]);
  return { commits, members };
}

/** The round gave its lane place to a search and stopped. */
export const YIELDED = 'gave its place in the long lane to a search';

/** One round: reads the cluster and returns what it saw (the long-lane place is taken by the caller).
 * Once `signal` aborts, no further request is made and the round fails with YIELDED. */
export async function sampleRound(clients: ClusterClients, run: <T>(fn: (cluster: RawCluster) => Promise<T>) => Promise<T>, clock: Clock, signal?: AbortSignal): Promise<RoundSample> {
  const yielded = () => {
    if (signal?.aborted) throw new Error(YIELDED);
  };
  // Fresh: a group created since the pages' 2 s cache was filled belongs in this round.
  const listed = await listGroupIds(clients, true);
  yielded();
  const { commits, members } = await run((cluster) => readGroups(cluster, listed, signal));
  yielded();
  // Each committed partition once; its key (tpKey) is built once and used again to read its watermarks.
  const keys = new Set<string>();
  const tps: { topic: string; partition: number; key: string }[] = [];
  for (const list of commits.values()) {
    for (const c of list) {
      const key = tpKey(c);
      if (keys.has(key)) continue;
      keys.add(key);
      tps.push({ topic: c.topic, partition: c.partition, key });
    }
  }
  // Log ends are read after the commits, and fresh: from the pages' 2 s cache they could predate a
  // commit, and a consumer at the end would then look committed past the log end (a false ERROR).
  invalidate.watermarks(clients.cache);
  // The round's time is when the log ends were asked for: lag in seconds interpolates on it.
  const at = clock();
  const wm = await getWatermarks(clients, tps);
  yielded();
  const partitions: RoundSample['partitions'] = [];
  for (const tp of tps) {
    const w = wm.get(tp.key);
    if (w) partitions.push({ topic: tp.topic, partition: tp.partition, logStart: w.low, logEnd: w.high });
  }
  const groups: GroupSample[] = [];
  for (const g of listed) {
    const c = commits.get(g.groupId);
    if (!c) continue;
    groups.push({ group: g.groupId, members: members.get(g.groupId) ?? null, commits: c.map((x) => ({ topic: x.topic, partition: x.partition, committed: x.offset })) });
  }
  return { at, partitions, groups };
}

/** Longest wait for a sampler's first round after start. */
const FIRST_ROUND_DELAY_MAX_MS = 10_000;

export function startLagSampler(options: LagSamplerOptions): LagSampler {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((line: string) => console.log(`kafscope: ${line}`));
  const counters: SamplerCounters = { ok: 0, skipped: 0, failed: 0 };
  let lastRound: RoundReport | null = null;
  let lastSuccessAt: number | null = null;
  let running: Promise<RoundReport> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let lastLogged = { text: '', at: -Infinity };

  const say = (text: string) => {
    const now = Date.now();
    if (text === lastLogged.text && now - lastLogged.at < REPEAT_LOG_MS) return;
    lastLogged = { text, at: now };
    log(`lag sampler of cluster "${options.clusterName}": ${text}`);
  };

  async function round(): Promise<RoundReport> {
    const at = clock();
    const started = performance.now();
    const report = (outcome: RoundReport['outcome'], groups = 0, partitions = 0, error?: string): RoundReport => ({
      at,
      durationMs: performance.now() - started,
      outcome,
      groups,
      partitions,
      ...(error !== undefined && { error }),
    });
    let clients: ClusterClients;
    let lease;
    const yielding = new AbortController();
    try {
      clients = options.clients();
      lease = await clients.lanes.long.reserve({ yielding: { onYield: () => yielding.abort() } });
    } catch (err) {
      const busy = err instanceof DomainError && err.kind === 'busy';
      const text = err instanceof DomainError ? err.detail : (err as Error).message;
      say(busy ? `round skipped, the long lane is full (${text})` : `round skipped: ${text}`);
      counters.skipped++;
      return report('skipped', 0, 0, text);
    }
    try {
      const sample = await sampleRound(clients, (fn) => lease.run(fn), clock, yielding.signal);
      await options.store.append(sample);
      counters.ok++;
      lastSuccessAt = clock();
      if (lastLogged.text !== '') {
        lastLogged = { text: '', at: -Infinity };
        log(`lag sampler of cluster "${options.clusterName}": rounds succeed again`);
      }
      return report('ok', sample.groups.length, sample.partitions.length);
    } catch (err) {
      if (yielding.signal.aborted) {
        // Not a failure: a person needed the place. Said in the counters, not in the log.
        counters.skipped++;
        return report('skipped', 0, 0, YIELDED);
      }
      const text = err instanceof DomainError ? err.detail : (err as Error).message;
      say(`round failed: ${text}`);
      counters.failed++;
      return report('failed', 0, 0, text);
    } finally {
      lease.release();
    }
  }

  function runRound(): Promise<RoundReport> {
    running ??= round()
      .then((r) => (lastRound = r))
      .finally(() => {
        running = null;
      });
    return running;
  }

  function schedule(delay: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      const started = Date.now();
      void runRound().then(() => schedule(Math.max(0, options.intervalMs - (Date.now() - started))));
    }, delay);
    timer.unref();
  }

  // The first round waits an interval (10 s at most): a console just started answers its first
  // visitors before it spends seconds of CPU on every group's offsets.
  schedule(Math.min(options.intervalMs, FIRST_ROUND_DELAY_MAX_MS));
  return {
    clusterName: options.clusterName,
    intervalMs: options.intervalMs,
    get lastRound() {
      return lastRound;
    },
    get lastSuccessAt() {
      return lastSuccessAt;
    },
    counters,
    roundNow: runRound,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
