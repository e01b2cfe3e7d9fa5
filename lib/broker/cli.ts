// `npm run broker -- --port 9092 --host 127.0.0.1 --data-dir ./data --nodes 1 [--in-memory]
//  [--fsync always|interval|never] [--metrics-port 9308]`: runs the embedded broker as a process.
// Prints one line `bootstrap: host:port,...` once every node listens; SIGTERM/SIGINT flush and close.
import { parseArgs } from 'node:util';
import { startBroker, type BrokerOptions } from './broker';

const USAGE = `usage: broker [--port 9092] [--host 127.0.0.1] [--advertised-host HOST] [--nodes N]
              [--data-dir ./data | --in-memory] [--fsync always|interval|never]
              [--metrics-port PORT] [--num-partitions N] [--no-auto-create-topics]
              [--max-frame-bytes N] [--sasl-users user:password,...]
              [--offsets-topic-partitions N] [--quiet]`;

function intArg(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be an integer >= ${min}, got ${value}\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'advertised-host': { type: 'string' },
        nodes: { type: 'string' },
        'data-dir': { type: 'string' },
        'in-memory': { type: 'boolean' },
        fsync: { type: 'string' },
        'metrics-port': { type: 'string' },
        'num-partitions': { type: 'string' },
        'no-auto-create-topics': { type: 'boolean' },
        'max-frame-bytes': { type: 'string' },
        'sasl-users': { type: 'string' },
        'offsets-topic-partitions': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const fsync = values.fsync ?? 'interval';
  if (fsync !== 'always' && fsync !== 'interval' && fsync !== 'never') {
    console.error(`--fsync must be always, interval or never\n${USAGE}`);
    process.exit(2);
  }
  const settings: Record<string, unknown> = {};
  if (values['sasl-users']) {
    const users = new Map<string, string>();
    for (const pair of values['sasl-users'].split(',')) {
      const i = pair.indexOf(':');
      if (i <= 0) {
        console.error(`--sasl-users wants user:password pairs, got ${pair}`);
        process.exit(2);
      }
      users.set(pair.slice(0, i), pair.slice(i + 1));
    }
    settings.saslUsers = users;
  }
  const offsetsPartitions = intArg('offsets-topic-partitions', values['offsets-topic-partitions'], 1);
  if (offsetsPartitions !== undefined) settings.offsetsTopicPartitions = offsetsPartitions;
  const options: BrokerOptions = {
    port: intArg('port', values.port, 0) ?? 9092,
    host: values.host ?? '127.0.0.1',
    advertisedHost: values['advertised-host'],
    nodes: intArg('nodes', values.nodes, 1) ?? 1,
    dataDir: values['in-memory'] ? null : (values['data-dir'] ?? './data'),
    fsync,
    metricsPort: intArg('metrics-port', values['metrics-port'], 0),
    numPartitions: intArg('num-partitions', values['num-partitions'], 1),
    autoCreateTopics: !values['no-auto-create-topics'],
    maxFrameBytes: intArg('max-frame-bytes', values['max-frame-bytes'], 1024),
    settings,
    log: values.quiet ? () => {} : (line) => console.log(`[broker] ${line}`),
  };
  const broker = await startBroker(options);
  console.log(`bootstrap: ${broker.bootstrap}`);
  if (broker.metricsPort !== null) console.log(`metrics: http://${options.host}:${broker.metricsPort}/metrics`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[broker] ${signal}: shutting down`);
    broker.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`[broker] shutdown failed: ${(err as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(`[broker] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
