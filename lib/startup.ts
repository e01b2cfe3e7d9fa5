// What the Node.js server does once at start-up, before the first request (called from
// instrumentation.ts): read and check the whole configuration, failing with the variable or file
// line at fault; hand it to the cluster registry; and, when the embedded demo is wanted (nothing
// configured, or KAFSCOPE_DEMO=true), run its broker and schema registry in this same process and
// hand their addresses to the cluster registry as values. A newcomer needs no Kafka, and one Ctrl-C stops everything.
// Then the lag history starts (a sampler per cluster; KAFSCOPE_LAG_HISTORY=false turns it off): its
// settings are checked with the rest, and its samplers stop on SIGINT/SIGTERM.
import 'server-only';
import { resolve } from 'node:path';
import { loadAppConfig, type ConsoleConfig } from './config';
import { embeddedOptionsFromEnv, startEmbeddedDemo, type EmbeddedDemo, type EmbeddedDemoOptions } from './demo/embedded';
import { attachEmbeddedBootstrap, attachEmbeddedSchemaRegistry, configureClusters } from './kafka/connection/registry';
import { startHistory, stopHistory, type HistoryConfig } from './kafka/history/history';
import { historyConfigFromEnv } from './kafka/history/history-env';

export async function startServer(): Promise<void> {
  const log = (line: string) => console.log(`kafscope: ${line}`);
  let config: ConsoleConfig;
  let options: EmbeddedDemoOptions | null = null;
  let history: HistoryConfig | null;
  try {
    config = loadAppConfig(process.env);
    history = historyConfigFromEnv(process.env, resolve(/*turbopackIgnore: true*/ process.env.KAFSCOPE_DATA_DIR || 'data'));
    if (config.demo) options = embeddedOptionsFromEnv(process.env, log);
  } catch (err) {
    console.error(`kafscope: invalid configuration: ${(err as Error).message}`);
    process.exit(2);
  }
  configureClusters(config);
  log(`sign-in: ${config.auth.mode}${config.auth.openAccess ? ' (open access: anyone who reaches this console may do everything)' : ''}`);
  if (config.auth.mode !== 'none' && config.auth.session.generated) {
    log('warning: KAFSCOPE_SESSION_SECRET is not set; a secret was made up for this run, so sessions end when it stops and other instances do not accept them');
  }
  log(`clusters: ${config.clusters.map((c) => (c.mode === 'embedded' ? `${c.name} (embedded demo)` : `${c.name} (${c.brokers.join(',')})`)).join(', ')}`);
  // Every configured cluster, the embedded one included: its sampler skips rounds until it runs.
  if (history) await startLagHistory(history, log);
  const demoCluster = config.clusters.find((c) => c.mode === 'embedded');
  if (!options || !demoCluster) return;
  const g = globalThis as typeof globalThis & { __kafscopeDemo?: Promise<EmbeddedDemo> };
  if (g.__kafscopeDemo) {
    // Dev-mode reloads must not start a second broker; the registry keeps the address.
    return;
  }
  const starting = startEmbeddedDemo(options);
  g.__kafscopeDemo = starting;
  let demo: EmbeddedDemo;
  try {
    demo = await starting;
  } catch (err) {
    console.error(`kafscope: the embedded broker could not start: ${(err as Error).message}`);
    process.exit(1);
  }
  attachEmbeddedBootstrap(demoCluster.name, demo.bootstrap.split(','));
  if (demo.registryUrl) attachEmbeddedSchemaRegistry(demoCluster.name, demo.registryUrl);
  // Next.js exits the process from its own signal handler once HTTP is drained, so the broker's
  // log is flushed and closed synchronously here rather than by an async close that may not finish.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    try {
      demo.closeSync();
      log(`${signal}: embedded broker flushed and closed`);
    } catch (err) {
      log(`${signal}: embedded broker close failed: ${(err as Error).message}`);
    }
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Starts the samplers (once per process: a dev reload finds them running) and stops them on a
 * signal. A history that cannot open its files is reported and left off; the console still runs. */
async function startLagHistory(config: HistoryConfig, log: (line: string) => void): Promise<void> {
  try {
    await startHistory({ ...config, log });
  } catch (err) {
    console.error(`kafscope: lag history is off, its files could not be opened: ${(err as Error).message}`);
    return;
  }
  const g = globalThis as typeof globalThis & { __kafscopeHistorySignals?: true };
  if (g.__kafscopeHistorySignals) return;
  g.__kafscopeHistorySignals = true;
  // Rounds are appended whole or cut off at the next start (store.ts), so the process may exit
  // before this ends; it only stops new rounds from starting.
  const stop = () => void stopHistory().catch(() => undefined);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
