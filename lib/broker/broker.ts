// The programmatic entry point: starts N logical broker nodes over one store and one cluster model,
// and hands back the handle tests and the app use (bootstrap address, stop/start a node, counters,
// close). Everything is created here and nothing at import time, so the module can be bundled into
// the Next.js server and started from instrumentation.
import type http from 'node:http';
import path from 'node:path';
import { Cluster, type ClusterNode } from './cluster/cluster';
import { createDispatcher } from './handlers/dispatch';
import type { BrokerRuntime, BrokerService } from './handlers/types';
import { BrokerStats, serveMetrics, type BrokerStatsSnapshot } from './metrics';
import { BufferBudget } from './network/buffer-budget';
import { NodeServer } from './network/server';
import { saslRequired } from './sasl';
import { openStore } from './storage/store';

export interface BrokerOptions {
  /** First node's port; node i listens on port + i. 0 (default) = a random free port per node. */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Host clients are told to connect to (default: host, or 127.0.0.1 when host is a wildcard). */
  advertisedHost?: string;
  /** Logical nodes (default 1). */
  nodes?: number;
  /** Directory for logs and metadata; null or absent = in memory. */
  dataDir?: string | null;
  /** Keep everything in memory even if dataDir is set. */
  inMemory?: boolean;
  fsync?: 'always' | 'interval' | 'never';
  fsyncIntervalMs?: number;
  /** socket.request.max.bytes: largest request frame accepted (default 104857600 = 100 MiB). */
  maxFrameBytes?: number;
  /** sasl.server.max.receive.size: largest frame accepted before SASL authentication, when SASL is
   * required (default 524288). */
  saslMaxReceiveBytes?: number;
  /** Memory all connections together may hold for request frames still arriving; the connection
   * whose frame would go past it is closed (default 268435456 = 256 MiB). */
  maxBufferedBytes?: number;
  /** connections.max.idle.ms: close a connection that sent no request for this long and awaits no
   * response (default 600000 = 10 min; -1 = never). */
  connectionsMaxIdleMs?: number;
  /** auto.create.topics.enable (default true). */
  autoCreateTopics?: boolean;
  /** num.partitions for auto-created topics (default 1). */
  numPartitions?: number;
  /** default.replication.factor for auto-created topics (default 1). */
  defaultReplicationFactor?: number;
  /** How often retention and compaction run (default 30 s). */
  retentionCheckMs?: number;
  /** Serve Prometheus text at http://host:metricsPort/metrics. */
  metricsPort?: number;
  /** Rack of each node (index = node id). */
  racks?: (string | null)[];
  /** Enforce ACLs (Kafka's authorizer.class.name being set), default false: without it the ACL
   * requests answer SECURITY_DISABLED and nothing is enforced. Same as `settings.authorizer`. */
  authorizer?: boolean;
  /** Principals that bypass the ACLs (Kafka's super.users), e.g. ['User:admin']. Same as `settings.superUsers`. */
  superUsers?: string[];
  /** Broker-wide settings for handler families (e.g. saslUsers), passed through untouched. */
  settings?: Record<string, unknown>;
  log?: (line: string) => void;
}

export interface BrokerNodeInfo {
  id: number;
  host: string;
  port: number;
  up: boolean;
}

export interface RunningBroker {
  /** "host:port,host:port,..." of every node. */
  readonly bootstrap: string;
  readonly nodes: BrokerNodeInfo[];
  readonly cluster: Cluster;
  /** Port of the metrics server, when one was asked for. */
  readonly metricsPort: number | null;
  stopNode(id: number): Promise<void>;
  startNode(id: number): Promise<void>;
  stats(): BrokerStatsSnapshot;
  /** Prometheus text, as /metrics serves it. */
  metricsText(): string;
  close(): Promise<void>;
}

export async function startBroker(options: BrokerOptions = {}): Promise<RunningBroker> {
  const log = options.log ?? ((line: string) => console.log(`[broker] ${line}`));
  const host = options.host ?? '127.0.0.1';
  const advertisedHost = options.advertisedHost ?? (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host);
  const nodeCount = options.nodes ?? 1;
  if (!Number.isInteger(nodeCount) || nodeCount < 1) throw new Error(`nodes must be a positive integer, got ${nodeCount}`);
  const basePort = options.port ?? 0;
  const dataDir = options.inMemory ? null : (options.dataDir ?? null);

  const store = openStore({ dataDir, fsync: options.fsync ?? 'interval', fsyncIntervalMs: options.fsyncIntervalMs, log });
  const nodes: ClusterNode[] = Array.from({ length: nodeCount }, (_, id) => ({
    id,
    host: advertisedHost,
    port: basePort === 0 ? 0 : basePort + id,
    rack: options.racks?.[id] ?? null,
    up: false,
  }));
  const cluster = Cluster.open(store, nodes, {
    autoCreateTopics: options.autoCreateTopics ?? true,
    numPartitions: options.numPartitions ?? 1,
    defaultReplicationFactor: options.defaultReplicationFactor ?? 1,
    logDir: dataDir === null ? null : path.resolve(dataDir),
    log,
  });

  const stats = new BrokerStats();
  const services = new Map<string, BrokerService>();
  const runtime: BrokerRuntime = {
    cluster,
    stats,
    log,
    settings: {
      ...(options.settings ?? {}),
      ...(options.authorizer !== undefined ? { authorizer: options.authorizer } : {}),
      ...(options.superUsers !== undefined ? { superUsers: options.superUsers } : {}),
    },
    service<T extends object>(name: string, create: (rt: BrokerRuntime) => T): T {
      let s = services.get(name);
      if (!s) {
        s = create(runtime);
        services.set(name, s);
      }
      return s as T;
    },
  };

  const connOptions = {
    maxFrameBytes: options.maxFrameBytes ?? 100 * 1024 * 1024,
    saslMaxReceiveBytes: options.saslMaxReceiveBytes ?? 524288,
    budget: new BufferBudget(options.maxBufferedBytes ?? 256 * 1024 * 1024),
    idleTimeoutMs: options.connectionsMaxIdleMs ?? 600_000,
    log,
    requireAuth: saslRequired(runtime.settings),
  };
  const servers = nodes.map((n) => new NodeServer(n.id, host, createDispatcher(runtime, n.id), connOptions));

  const startNode = async (id: number) => {
    const node = cluster.node(id);
    const server = servers[id];
    if (!node || !server) throw new Error(`no node ${id}`);
    if (server.listening) return;
    node.port = await server.start(node.port);
    cluster.setNodeUp(id, true);
    log(`node ${id} listening on ${host}:${node.port} (advertised ${node.host}:${node.port})`);
  };
  const stopNode = async (id: number) => {
    const server = servers[id];
    if (!server) throw new Error(`no node ${id}`);
    cluster.setNodeUp(id, false);
    await server.stop();
    log(`node ${id} stopped`);
  };

  let metricsServer: http.Server | null = null;
  let retentionTimer: NodeJS.Timeout | null = null;
  try {
    for (const n of nodes) await startNode(n.id);
    retentionTimer = setInterval(() => cluster.enforceRetention(Date.now()), options.retentionCheckMs ?? 30_000);
    retentionTimer.unref();
    if (options.metricsPort !== undefined) {
      metricsServer = await serveMetrics(host, options.metricsPort, () => metricsText());
    }
  } catch (err) {
    for (const s of servers) await s.stop();
    store.close();
    throw err;
  }

  const metricsText = () => {
    let partitions = 0;
    for (const t of cluster.topics.values()) partitions += t.partitions.length;
    return stats.prometheus({
      nodes: nodes.length,
      nodesUp: cluster.liveNodes().length,
      topics: cluster.topics.size,
      partitions,
    });
  };

  let closed = false;
  return {
    bootstrap: nodes.map((n) => `${n.host}:${n.port}`).join(','),
    get nodes() {
      return nodes.map((n) => ({ id: n.id, host: n.host, port: n.port, up: n.up }));
    },
    cluster,
    metricsPort: metricsServer ? ((metricsServer.address() as { port: number }).port) : null,
    stopNode,
    startNode,
    stats: () => stats.snapshot(),
    metricsText,
    async close() {
      if (closed) return;
      closed = true;
      if (retentionTimer) clearInterval(retentionTimer);
      await Promise.all(servers.map((s) => s.stop()));
      if (metricsServer) {
        const m = metricsServer;
        await new Promise<void>((r) => m.close(() => r()));
      }
      for (const s of services.values()) await (s as BrokerService).close?.();
      store.flush();
      store.close();
      log('broker closed');
    },
  };
}
