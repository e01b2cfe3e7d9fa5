// Broker throughput benchmark (not a test): the CLI broker as a child process on a temp data dir,
// driven by kcat the way a user would — produce 300,000 messages of 1 KB to a 3-partition topic from
// a file, then consume them all back — printing msgs/s and MB/s for each and the broker's peak RSS
// (VmHWM from /proc). Targets on a 2-core machine: produce >= 150,000 msg/s, consume >= 400,000 msg/s.
// Then the search case (search-case.ts): Kafscope's search API against kcat | grep over the same
// 300,000 x 1 KB topic, one match at the end. `--case throughput` or `--case search` runs one alone.
//
// Then the export case (export-case.ts): about 1 GB exported as NDJSON through the export API while
// the console's RSS is sampled, against `kcat -C -e -J` into a file. `--case export` runs it alone
// (`--export-messages N` sets its size).
//
// Then the decode step's throughput on Avro and Protobuf pages (bench/decode.ts). `--case decode`
// runs that alone.
//
//   npm run bench [-- --messages 300000 --size 1024 --partitions 3 --runs 3 --fsync interval --case all]
//   BENCH_BROKER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' npm run bench   (profile the broker)
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, openSync, readFileSync, rmSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { runDecodeBench } from './decode';
import { exportCase } from './export-case';
import { searchCase } from './search-case';

const KCAT = '/usr/bin/kcat';
const ROOT = process.cwd();
/** Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture Node runs on. */
const CLOCK_TICKS = 100;

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '300000' },
    size: { type: 'string', default: '1024' },
    partitions: { type: 'string', default: '3' },
    fsync: { type: 'string', default: 'interval' },
    runs: { type: 'string', default: '3' },
    case: { type: 'string', default: 'all' },
    'export-messages': { type: 'string', default: '1000000' },
  },
});
const MESSAGES = Number(values.messages);
const SIZE = Number(values.size);
const PARTITIONS = Number(values.partitions);
const RUNS = Math.max(1, Number(values.runs));

async function writeInput(file: string): Promise<void> {
  const line = Buffer.alloc(SIZE, 'x');
  line[SIZE - 1] = 0x0a;
  const out = createWriteStream(file);
  const chunk = Buffer.concat(Array.from({ length: 1000 }, () => line));
  for (let i = 0; i < MESSAGES; i += 1000) {
    const n = Math.min(1000, MESSAGES - i);
    if (!out.write(n === 1000 ? chunk : chunk.subarray(0, n * SIZE))) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

function startBroker(dataDir: string): Promise<{ child: ChildProcess; bootstrap: string }> {
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_BROKER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', 'lib/broker/cli.ts', '--data-dir', dataDir, '--port', '0', '--quiet', '--fsync', values.fsync!],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /^bootstrap: (\S+)$/m.exec(out);
      if (m) resolve({ child, bootstrap: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`broker exited with ${code}`)));
  });
}

function timed(args: string[], stdin: 'ignore' | number = 'ignore'): Promise<number> {
  const devnull = openSync('/dev/null', 'w');
  const started = process.hrtime.bigint();
  const child = spawn(KCAT, args, { stdio: [stdin, devnull, 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      closeSync(devnull);
      if (code !== 0) reject(new Error(`kcat ${args.join(' ')} exited ${code}`));
      else resolve(Number(process.hrtime.bigint() - started) / 1e9);
    });
  });
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** CPU seconds (user + system) the process has used so far: what the broker costs, whatever the load. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

interface Phase {
  seconds: number;
  brokerCpu: number;
}

function line(what: string, p: Phase): string {
  const rate = MESSAGES / p.seconds;
  const mb = (MESSAGES * SIZE) / p.seconds / (1024 * 1024);
  return (
    `${what.padEnd(8)} ${MESSAGES} msgs in ${p.seconds.toFixed(2)} s: ${Math.round(rate).toLocaleString('en-US').padStart(7)} msg/s, ` +
    `${mb.toFixed(1).padStart(6)} MB/s (broker CPU ${p.brokerCpu.toFixed(2)} s)`
  );
}

/** Runs kcat and notes the wall time and the broker CPU time it took. */
async function phase(brokerPid: number, args: string[], stdin: 'ignore' | number = 'ignore'): Promise<Phase> {
  const cpu0 = cpuSeconds(brokerPid);
  const seconds = await timed(args, stdin);
  return { seconds, brokerCpu: cpuSeconds(brokerPid) - cpu0 };
}

/** Consumes the topic again, untimed, counting what kcat prints: the timed run went to /dev/null,
 * so this is what proves every message came back. */
function consumedBytes(args: string[]): Promise<number> {
  const child = spawn(KCAT, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let bytes = 0;
  child.stdout.on('data', (c: Buffer) => (bytes += c.length));
  return new Promise((resolve, reject) => {
    child.once('close', (code) => (code === 0 ? resolve(bytes) : reject(new Error(`kcat ${args.join(' ')} exited ${code}`))));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function throughput(): Promise<void> {
  if (!existsSync(KCAT)) throw new Error(`kcat is missing at ${KCAT}: install the Debian package "kcat"`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kafscope-bench-'));
  let broker: ChildProcess | undefined;
  try {
    const input = path.join(tmp, 'input.txt');
    await writeInput(input);
    const started = await startBroker(path.join(tmp, 'data'));
    broker = started.child;
    const pid = broker.pid!;
    const kafka = new Kafka({ clientId: 'bench', brokers: [started.bootstrap], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    console.log(
      `kafscope broker, kcat ${MESSAGES} x ${SIZE} B, ${PARTITIONS} partitions, fsync ${values.fsync}, ${RUNS} run(s); ` +
        `load average before: ${os.loadavg()[0]!.toFixed(2)} on ${os.availableParallelism()} cores`,
    );
    const results: { produce: Phase; consume: Phase }[] = [];
    for (let run = 1; run <= RUNS; run++) {
      // A fresh topic per run, so every run produces into empty partitions and consumes only its own data.
      const topic = `bench-${run}`;
      await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }] });
      const b = ['-b', started.bootstrap, '-t', topic];
      const fd = openSync(input, 'r');
      const produce = await phase(pid, ['-P', ...b, '-X', 'linger.ms=5', '-X', 'queue.buffering.max.messages=500000'], fd);
      closeSync(fd);
      const offsets = await admin.fetchTopicOffsets(topic);
      const stored = offsets.reduce((sum, p) => sum + Number(p.high), 0);
      if (stored !== MESSAGES) throw new Error(`expected ${MESSAGES} messages stored, found ${stored}`);
      // -c: done when the last message arrives. (-e alone would add the consumer's final long poll,
      // fetch.wait.max.ms, to the timing: time spent waiting for data that does not exist.)
      const consumeArgs = ['-C', ...b, '-o', 'beginning', '-c', String(MESSAGES), '-e', '-q'];
      const consume = await phase(pid, consumeArgs);
      const printed = await consumedBytes(consumeArgs);
      if (printed !== MESSAGES * SIZE) throw new Error(`kcat printed ${printed} bytes, expected ${MESSAGES * SIZE}`);
      results.push({ produce, consume });
      console.log(`run ${run}\n  ${line('produce', produce)}\n  ${line('consume', consume)}`);
    }
    await admin.disconnect();
    const med = (pick: (r: (typeof results)[number]) => Phase): Phase => ({
      seconds: median(results.map((r) => pick(r).seconds)),
      brokerCpu: median(results.map((r) => pick(r).brokerCpu)),
    });
    console.log(`median of ${RUNS}\n  ${line('produce', med((r) => r.produce))}\n  ${line('consume', med((r) => r.consume))}`);
    console.log(`broker peak RSS: ${peakRssMb(pid).toFixed(0)} MB`);
  } finally {
    if (broker && broker.exitCode === null) {
      broker.kill('SIGTERM');
      await new Promise((r) => broker!.once('exit', r));
    }
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!['all', 'throughput', 'search', 'export', 'decode'].includes(values.case!)) throw new Error('--case is all, throughput, search, export or decode');
  const run = (c: string) => values.case === 'all' || values.case === c;
  if (run('throughput')) await throughput();
  if (run('search')) {
    if (!existsSync(KCAT)) throw new Error(`kcat is missing at ${KCAT}: install the Debian package "kcat"`);
    await searchCase({ kcat: KCAT, messages: MESSAGES, size: SIZE, partitions: PARTITIONS });
  }
  if (run('export')) {
    if (!existsSync(KCAT)) throw new Error(`kcat is missing at ${KCAT}: install the Debian package "kcat"`);
    await exportCase({ kcat: KCAT, messages: Number(values['export-messages']), size: SIZE, partitions: PARTITIONS });
  }
  if (run('decode')) runDecodeBench();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
