// Where lag history starts: startHistory() opens one store and starts one sampler per configured
// cluster (start-up calls it once the clusters are configured), and historyOf() finds them again
// for /metrics and the lag-history API. Kept on globalThis, as the cluster registry is: Next.js
// compiles the start-up hook and the route handlers into separate bundles. Each cluster's files go
// to `<dataDir>/lag-history/<cluster>/`; a cluster's sampler asks the registry for its clients every
// round, so the embedded demo, whose broker starts after the configuration, is sampled as soon as it
// runs (the rounds before are skipped with one log line).
import 'server-only';
import { join } from 'node:path';
import { clientsFor, listClusters } from '../connection/registry';
import { startLagSampler, type LagSampler } from './sampler';
import { LagStore } from './store';
import type { Clock } from './types';
import { DEFAULT_WINDOW, type VerdictWindow } from './verdicts';

export interface MetricsFilter {
  /** Only groups (topics) whose name matches, when set; then none matching `exclude`. */
  groupsInclude?: RegExp | null;
  groupsExclude?: RegExp | null;
  topicsInclude?: RegExp | null;
  topicsExclude?: RegExp | null;
}

export interface HistoryConfig {
  /** Root of the data; each cluster's history goes to `<dataDir>/lag-history/<cluster>/`. */
  dataDir: string;
  /** Time between rounds (default 30 s). */
  intervalMs?: number;
  /** Whole days older than this are deleted (default 7 days). */
  retentionMs?: number;
  /** Days older than this keep one round per `downsampleMs` (defaults 24 h and 5 minutes). */
  downsampleAfterMs?: number;
  downsampleMs?: number;
  /** The verdicts' sliding window (default: the last 10 samples within 5 minutes). */
  window?: VerdictWindow;
  /** Which groups and topics /metrics shows (label cardinality). */
  metrics?: MetricsFilter;
  clock?: Clock;
  log?: (line: string) => void;
}

export interface ClusterHistory {
  store: LagStore;
  sampler: LagSampler;
}

interface State {
  clusters: Map<string, ClusterHistory>;
  filter: MetricsFilter;
}

const globalKey = Symbol.for('kafscope.lag-history');
function state(): State {
  const g = globalThis as unknown as Record<symbol, State | undefined>;
  return (g[globalKey] ??= { clusters: new Map(), filter: {} });
}

export const DEFAULT_INTERVAL_MS = 30_000;

/** The directory of one cluster: its name, except that "." and ".." (valid cluster names) are spelled out. */
export function clusterDir(dataDir: string, cluster: string): string {
  return join(dataDir, 'lag-history', /^\.+$/.test(cluster) ? cluster.replace(/\./g, '%2E') : cluster);
}

/** Starts the history of every configured cluster not already sampled; resolves once each store is open. */
export async function startHistory(config: HistoryConfig): Promise<{ stop(): Promise<void> }> {
  const s = state();
  s.filter = config.metrics ?? {};
  const log = config.log ?? ((line: string) => console.log(`kafscope: ${line}`));
  const started: string[] = [];
  for (const c of listClusters()) {
    if (s.clusters.has(c.name)) continue;
    const store = await LagStore.open({
      dir: clusterDir(config.dataDir, c.name),
      clock: config.clock,
      retentionMs: config.retentionMs,
      downsampleAfterMs: config.downsampleAfterMs,
      downsampleMs: config.downsampleMs,
      window: config.window ?? DEFAULT_WINDOW,
      log,
    });
    const sampler = startLagSampler({ clusterName: c.name, clients: () => clientsFor(c.name), store, intervalMs: config.intervalMs ?? DEFAULT_INTERVAL_MS, clock: config.clock, log });
    s.clusters.set(c.name, { store, sampler });
    started.push(c.name);
  }
  if (started.length > 0) log(`lag history: sampling ${started.join(', ')} every ${(config.intervalMs ?? DEFAULT_INTERVAL_MS) / 1000} s into ${join(config.dataDir, 'lag-history')}`);
  return { stop: () => stopHistory(started) };
}

/** Stops the samplers and closes the stores of `names` (every cluster when not given). */
export async function stopHistory(names?: string[]): Promise<void> {
  const s = state();
  for (const name of names ?? [...s.clusters.keys()]) {
    const h = s.clusters.get(name);
    if (!h) continue;
    s.clusters.delete(name);
    await h.sampler.stop();
    await h.store.close();
  }
}

export function historyOf(cluster: string): ClusterHistory | undefined {
  return state().clusters.get(cluster);
}

export function metricsFilter(): MetricsFilter {
  return state().filter;
}
