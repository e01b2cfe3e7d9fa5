// The end-to-end tests' Schema Registry: the console's own embedded registry, run as a process of its
// own against the primary cluster's broker (Playwright starts it beside the brokers; the app reaches
// it as KAFKA_CLUSTERS_0_SCHEMAREGISTRY). It waits for the broker, which may still be starting.
//   node --conditions=react-server --import tsx e2e/support/schema-registry-server.ts <port> <bootstrap>
import { startSchemaRegistry } from '../../lib/schema-registry';

const [port, bootstrap] = process.argv.slice(2);

async function main(): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const registry = await startSchemaRegistry({ bootstrap: [bootstrap!], port: Number(port), host: '127.0.0.1', log: (line) => console.log(line) });
      const stop = () => void registry.close().finally(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
