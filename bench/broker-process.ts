// The Kafka side of the API benchmark: the embedded broker as its own process, started the way a
// user starts it (`npx tsx lib/broker/cli.ts ... --in-memory`), so its memory and CPU are not
// counted as the console's. It stays up for the whole run; only the console is restarted.
import { freePorts, startService, waitForOutput, workerPid, type Service } from './processes';

export interface BrokerProcess {
  bootstrap: string;
  service: Service;
  /** The Node process running the broker (under npx and tsx). */
  pid(): number;
}

/** `nodeFlags` (such as --cpu-prof) run the broker under node itself rather than npx. */
export async function startBrokerProcess(nodes: number, nodeFlags: string[] = []): Promise<BrokerProcess> {
  const port = await freePorts(nodes);
  const args = ['lib/broker/cli.ts', '--port', String(port), '--host', '127.0.0.1', '--nodes', String(nodes), '--in-memory', '--quiet'];
  const service = nodeFlags.length > 0 ? startService(process.execPath, [...nodeFlags, '--import', 'tsx', ...args], process.env) : startService('npx', ['tsx', ...args], process.env);
  const [, bootstrap] = await waitForOutput(service, /bootstrap: (\S+)/, 60_000);
  let pid: number | null = null;
  return { bootstrap: bootstrap!, service, pid: () => (pid ??= workerPid(service.launcher)) };
}
