// Server start-up hook (runs once per Next.js server process, before the first request).
// With no KAFKA_BROKERCONNECT the console runs its embedded demo cluster in this same process, so
// a newcomer needs no Kafka and one Ctrl-C stops everything.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.KAFKA_BROKERCONNECT) return;
  const g = globalThis as typeof globalThis & { __kafscopeDemo?: Promise<unknown> };
  if (g.__kafscopeDemo) return; // dev-mode reloads must not start a second broker
  const { startEmbeddedDemo, embeddedOptionsFromEnv } = await import('./lib/demo/embedded');
  const log = (line: string) => console.log(`kafscope: ${line}`);
  const starting = startEmbeddedDemo(embeddedOptionsFromEnv(log));
  g.__kafscopeDemo = starting;
  const demo = await starting;
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
