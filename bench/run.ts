// Broker throughput benchmark (not a test): the CLI broker as a child process on a temp data dir,
// driven by kcat the way a user would — produce 300,000 messages of 1 KB to a 3-partition topic from
// a file, then consume them all back — printing msgs/s and MB/s for each and the broker's peak RSS
// (VmHWM from /proc). Targets on a 2-core machine: produce >= 150,000 msg/s, consume >= 400,000 msg/s.
//
//   npm run bench [-- --messages 300000 --size 1024 --partitions 3]
//   BENCH_BROKER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' npm run bench   (profile the broker)
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, openSync, readFileSync, rmSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';

const KCAT = '/usr/bin/kcat';
const ROOT = process.cwd();

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '300000' },
    size: { type: 'string', default: '1024' },
    partitions: { type: 'string', default: '3' },
    fsync: { type: 'string', default: 'interval' },
  },
});
const MESSAGES = Number(values.messages);
const SIZE = Number(values.size);
const PARTITIONS = Number(values.partitions);

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

function report(what: string, seconds: number): void {
  const rate = MESSAGES / seconds;
  const mb = (MESSAGES * SIZE) / seconds / (1024 * 1024);
  console.log(`${what.padEnd(8)} ${MESSAGES} msgs in ${seconds.toFixed(2)} s: ${Math.round(rate).toLocaleString('en-US')} msg/s, ${mb.toFixed(1)} MB/s`);
}

async function main(): Promise<void> {
  if (!existsSync(KCAT)) throw new Error(`kcat is missing at ${KCAT}: install the Debian package "kcat"`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kafscope-bench-'));
  let broker: ChildProcess | undefined;
  try {
    const input = path.join(tmp, 'input.txt');
    await writeInput(input);
    const started = await startBroker(path.join(tmp, 'data'));
    broker = started.child;
    const kafka = new Kafka({ clientId: 'bench', brokers: [started.bootstrap], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 't', numPartitions: PARTITIONS }] });

    const b = ['-b', started.bootstrap, '-t', 't'];
    const fd = openSync(input, 'r');
    const produceSeconds = await timed(['-P', ...b, '-X', 'linger.ms=5', '-X', 'queue.buffering.max.messages=500000'], fd);
    closeSync(fd);
    const offsets = await admin.fetchTopicOffsets('t');
    const stored = offsets.reduce((sum, p) => sum + Number(p.high), 0);
    if (stored !== MESSAGES) throw new Error(`expected ${MESSAGES} messages stored, found ${stored}`);

    const consumeSeconds = await timed(['-C', ...b, '-o', 'beginning', '-e', '-q']);
    await admin.disconnect();

    console.log(`kafscope broker, kcat ${MESSAGES} x ${SIZE} B, ${PARTITIONS} partitions, fsync ${values.fsync}`);
    report('produce', produceSeconds);
    report('consume', consumeSeconds);
    console.log(`broker peak RSS: ${peakRssMb(broker.pid!).toFixed(0)} MB`);
  } finally {
    if (broker && broker.exitCode === null) {
      broker.kill('SIGTERM');
      await new Promise((r) => broker!.once('exit', r));
    }
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
