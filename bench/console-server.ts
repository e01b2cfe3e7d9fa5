// The console side of the API benchmark: the real production server (`node scripts/start.mjs`, the
// standalone Next.js build that `npm start` and the Docker image run), configured with one external
// cluster "bench" through kafbat's variables and called over HTTP. The figures therefore include
// Next's routing, the route wrapper and JSON serialisation, and the RSS is that of the process that
// serves users. start.mjs is a launcher that spawns `node .next/standalone/server.js`; the RSS is
// read from that child.
//
// A restart is how the benchmark makes the console cold: a new process has no connection, no cache
// and no group index. Before a cold call, the same route is asked once for a cluster that does not
// exist (404 before any Kafka client is built), so the route's module is loaded and the cold figure
// is the Kafka work, not Next loading code on a route's first hit.
import { spawnSync } from 'node:child_process';
import { freePorts, startService, workerPid, type Service } from './processes';

export const BENCH_CLUSTER = 'bench';
/** A cluster name nobody configured: the route answers 404 without touching Kafka. */
const ABSENT_CLUSTER = 'bench-absent';

/** Builds the production app when the build is missing or stale (scripts/ensure-build.mjs). */
export function ensureBuild(): void {
  const res = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], { stdio: 'inherit' });
  if (res.status !== 0) throw new Error('the production build failed');
}

export interface ConsoleServer {
  url: string;
  /** The Node process serving HTTP (the child of start.mjs). */
  pid: number;
  service: Service;
  /** Asks `path` of the cluster nobody configured: loads the route's code, touches no Kafka. */
  loadRoute(path: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startConsole(bootstrap: string): Promise<ConsoleServer> {
  const port = await freePorts(1);
  const service = startService(process.execPath, ['scripts/start.mjs'], {
    ...process.env,
    SERVER_PORT: String(port),
    HOST: '127.0.0.1',
    KAFKA_CLUSTERS_0_NAME: BENCH_CLUSTER,
    KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: bootstrap,
    KAFSCOPE_QUIET_KAFKA_LOGS: '1',
  });
  const url = `http://127.0.0.1:${port}`;
  const absent = (path: string) => `${url}/api/clusters/${ABSENT_CLUSTER}${path}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (service.child.exitCode !== null) throw new Error(`the console exited:\n${service.output().slice(-2_000)}`);
    const res = await fetch(absent('/overview')).catch(() => null);
    if (res) {
      await res.arrayBuffer();
      if (res.status === 404) break;
      throw new Error(`the console answered ${res.status} for an unknown cluster`);
    }
    if (Date.now() > deadline) throw new Error(`the console did not start:\n${service.output().slice(-2_000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: workerPid(service.launcher),
    service,
    async loadRoute(path) {
      const res = await fetch(absent(path));
      await res.arrayBuffer();
      if (res.status !== 404) throw new Error(`${path} for an unknown cluster answered ${res.status}`);
    },
    stop: () => service.stop(),
  };
}
