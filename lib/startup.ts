// What the Node.js server does once at start-up, before the first request (called from
// instrumentation.ts): check the whole configuration, failing with the variable's name; and, with no
// KAFKA_BROKERCONNECT, run the embedded demo cluster in this same process, so a newcomer needs no
// Kafka and one Ctrl-C stops everything.
import { loadConfig } from './config';
import { embeddedOptionsFromEnv, startEmbeddedDemo, type EmbeddedDemo, type EmbeddedDemoOptions } from './demo/embedded';

export async function startServer(): Promise<void> {
  const log = (line: string) => console.log(`kafscope: ${line}`);
  const embedded = !process.env.KAFKA_BROKERCONNECT?.trim();
  let options: EmbeddedDemoOptions | null = null;
  try {
    // The embedded bootstrap is not known yet; a stand-in lets every other variable be checked now.
    loadConfig(embedded ? { ...process.env, KAFSCOPE_EMBEDDED_BOOTSTRAP: '127.0.0.1:9092' } : process.env);
    if (embedded) options = embeddedOptionsFromEnv(log);
  } catch (err) {
    console.error(`kafscope: invalid configuration: ${(err as Error).message}`);
    process.exit(2);
  }
  if (!options) return;
  const g = globalThis as typeof globalThis & { __kafscopeDemo?: Promise<unknown> };
  if (g.__kafscopeDemo) return; // dev-mode reloads must not start a second broker
  const starting = startEmbeddedDemo(options);
  g.__kafscopeDemo = starting;
  let demo: EmbeddedDemo;
  try {
    demo = await starting;
  } catch (err) {
    console.error(`kafscope: the embedded broker could not start: ${(err as Error).message}`);
    process.exit(1);
  }
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
