// `npm run broker -- --port 9092 --host 127.0.0.1 --data-dir ./data --nodes 1 [--in-memory]
//  [--fsync always|interval|never] [--metrics-port 9308] [--sasl-users u:p,...]
//  [--authorizer --super-users User:admin,...]`: runs the embedded broker as a process.
// The edge limits go by Kafka's names: --max-frame-bytes (socket.request.max.bytes),
// --sasl-max-receive-bytes (sasl.server.max.receive.size), --connections-max-idle-ms
// (connections.max.idle.ms; `--connections-max-idle-ms=-1` = never), and --max-buffered-bytes (all
// unfinished frames together).
// Prints one line `bootstrap: host:port,...` once every node listens; SIGTERM/SIGINT flush and close.
import { parseArgs } from 'node:util';
import { parseSuperUsers } from './acl/settings';
import { startBroker, type BrokerOptions } from './broker';

const USAGE = `usage: broker [--port 9092] [--host 127.0.0.1] [--advertised-host HOST] [--nodes N]
              [--data-dir ./data | --in-memory] [--fsync always|interval|never]
              [--metrics-port PORT] [--num-partitions N] [--no-auto-create-topics]
              [--max-frame-bytes N] [--sasl-max-receive-bytes N] [--max-buffered-bytes N]
              [--connections-max-idle-ms MS | --connections-max-idle-ms=-1]
              [--sasl-users user:password,...] [--authorizer] [--super-users User:admin,...]
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

/** connections.max.idle.ms: a positive number of milliseconds, or -1 for never. */
function idleArg(value: string | undefined): number | undefined {
  if (value === '-1') return -1;
  return intArg('connections-max-idle-ms', value, 1);
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
        'sasl-max-receive-bytes': { type: 'string' },
        'max-buffered-bytes': { type: 'string' },
        'connections-max-idle-ms': { type: 'string' },
        'sasl-users': { type: 'string' },
        authorizer: { type: 'boolean' },
        'super-users': { type: 'string' },
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
  let superUsers: string[] | undefined;
  if (values['super-users'] !== undefined) {
    try {
      superUsers = parseSuperUsers(values['super-users']);
    } catch (err) {
      console.error(`--super-users: ${(err as Error).message}\n${USAGE}`);
      process.exit(2);
    }
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
    saslMaxReceiveBytes: intArg('sasl-max-receive-bytes', values['sasl-max-receive-bytes'], 1024),
    maxBufferedBytes: intArg('max-buffered-bytes', values['max-buffered-bytes'], 1024),
    connectionsMaxIdleMs: idleArg(values['connections-max-idle-ms']),
    authorizer: values.authorizer ?? false,
    superUsers,
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
