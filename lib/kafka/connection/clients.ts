// Everything the console holds for one cluster: the kafkajs Kafka object, the reading lanes, the
// writing clients and the short cache in front of them. Built by the registry (registry.ts), once
// per cluster and configuration. Nothing here logs a credential: kafkajs logs go through a creator
// that prints only the cluster's name, the namespace and the message, and repeats a line at most
// once a minute.
import 'server-only';
import { CompressionCodecs, Kafka, logLevel, type SASLOptions } from 'kafkajs';
import { kafkajsCodecs } from '../../codecs/kafkajs-codecs';
import type { ClusterConfig, ConsoleConfig } from '../../config';
import { TtlCache } from './cache';
import { Lane } from './lane';
import { tolerateLeaderlessIn } from './raw-requests';
import { Writes } from './writes';

/** Longest a request waits for the cluster to answer a first connection (under the 5 s promise). */
export const CONNECT_DEADLINE_MS = 4_500;
export const CACHE_TTL_MS = 2_000;
/** The same kafkajs log line is printed at most once in this long. */
const LOG_REPEAT_MS = 60_000;

export interface ClusterClients {
  /** The cluster's name, as in its URLs. */
  name: string;
  config: ClusterConfig;
  /** The bootstrap servers these clients were built for. */
  brokers: string[];
  timeouts: ConsoleConfig['timeouts'];
  kafka: Kafka;
  lanes: {
    /** Metadata, watermarks, describes, one page of records: queued, never refused. */
    interactive: Lane;
    /** Search (and later tail, export, replay): a small budget, refused with 429 when full. */
    long: Lane;
    /** Live tails: long work with its own budget (KAFSCOPE_MAX_TAILS), so open tails never take
     * the places of searches, exports and replays; refused with 429 when full. */
    tail: Lane;
  };
  writes: Writes;
  /** Short-lived caches of metadata, configs, watermarks and group data (keys: cache-keys.ts). */
  cache: TtlCache;
  close(): Promise<void>;
}

let codecsRegistered = false;

export function createClusterClients(config: ClusterConfig, brokers: string[], settings: Pick<ConsoleConfig, 'timeouts' | 'lanes'> & Partial<Pick<ConsoleConfig, 'streams'>>): ClusterClients {
  if (!codecsRegistered) {
    Object.assign(CompressionCodecs, kafkajsCodecs());
    codecsRegistered = true;
  }
  const { timeouts } = settings;
  const quiet = Boolean(process.env.KAFSCOPE_QUIET_KAFKA_LOGS);
  const lastLogged = new Map<string, number>();
  const kafka = new Kafka({
    clientId: 'kafscope',
    brokers,
    ssl: config.tls ? (Object.keys(config.tls).length ? config.tls : true) : false,
    sasl: (config.sasl ?? undefined) as SASLOptions | undefined,
    connectionTimeout: timeouts.connectMs,
    authenticationTimeout: timeouts.connectMs,
    requestTimeout: timeouts.requestMs,
    // Few, quick retries: an unreachable cluster must answer 503 within seconds, not minutes.
    retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 1_000 },
    logLevel: logLevel.ERROR,
    logCreator: () => ({ namespace, log }) => {
      if (quiet) return;
      const line = `[kafkajs] ${config.name} ${namespace}: ${log.message}`;
      // A cluster that stays down is asked again every few seconds (cards, pages): say so once a minute.
      const now = Date.now();
      if (now - (lastLogged.get(line) ?? 0) < LOG_REPEAT_MS) return;
      if (lastLogged.size > 1_000) lastLogged.clear();
      lastLogged.set(line, now);
      console.error(line);
    },
  });
  // Clusters that read Metadata with leaderless partitions as values (see raw-requests.ts).
  tolerateLeaderlessIn(kafka);
  const lane = (label: string, limit: number, whenFull: 'queue' | 'reject') =>
    new Lane(kafka, { label, limit, whenFull, queueTimeoutMs: timeouts.requestMs, cluster: config.name }, CONNECT_DEADLINE_MS);
  const lanes = {
    interactive: lane('interactive reads', settings.lanes.interactive, 'queue'),
    long: lane('long-running reads (searches, exports, replays)', settings.lanes.long, 'reject'),
    tail: lane('live tails', settings.streams?.maxTails ?? 4, 'reject'),
  };
  const writes = new Writes(kafka, { label: 'writes', limit: 2, whenFull: 'queue', queueTimeoutMs: timeouts.requestMs, cluster: config.name }, CONNECT_DEADLINE_MS);
  return {
    name: config.name,
    config,
    brokers,
    timeouts,
    kafka,
    lanes,
    writes,
    cache: new TtlCache(CACHE_TTL_MS),
    async close() {
      await Promise.all([lanes.interactive.close(), lanes.long.close(), lanes.tail.close(), writes.close()]);
    },
  };
}
