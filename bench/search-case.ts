// Search speed (part of `npm run bench`): 300,000 records of 1 KB in a 3-partition topic on the
// embedded broker (its own process, in memory), one of them — the last one produced — holding the
// needle. Kafscope's search API, called over HTTP on the production server (its own process, see
// console-server.ts), against `kcat -C -b ... -t ... -e | grep` on the same broker and topic.
// Two Kafscope figures:
// - oldest first from the earliest record: every record is read and matched, as kcat | grep reads and
//   greps every record — the like-for-like comparison, whose ratio is printed (target: <= 1);
// - newest first (the page's default): it scans backwards from the end and stops at the match, which
//   is what a user asking for the latest matches pays.
// The load average is printed: the figures mean little on a machine busy with other work.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, openSync, closeSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { startBrokerProcess } from './broker-process';
import { BENCH_CLUSTER, ensureBuild, startConsole } from './console-server';

export interface SearchCaseOptions {
  kcat: string;
  messages: number;
  size: number;
  partitions: number;
}

/** The text the last record holds (shared with search-probe.ts, which seeds the same topic). */
export const NEEDLE = `needle-${Math.random().toString(36).slice(2, 10)}`;

export async function writeInput(file: string, messages: number, size: number): Promise<void> {
  const line = Buffer.alloc(size, 'x');
  line[size - 1] = 0x0a;
  const out = createWriteStream(file);
  const chunk = Buffer.concat(Array.from({ length: 1000 }, () => line));
  for (let i = 0; i < messages - 1; i += 1000) {
    const n = Math.min(1000, messages - 1 - i);
    if (!out.write(n === 1000 ? chunk : chunk.subarray(0, n * size))) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  const last = Buffer.alloc(size, 'x');
  last.write(NEEDLE, Math.floor(size / 2));
  last[size - 1] = 0x0a;
  out.write(last);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

export function run(cmd: string, args: string[], stdinFile?: string): Promise<{ seconds: number; stdout: string }> {
  const fd = stdinFile ? openSync(stdinFile, 'r') : 'ignore';
  const started = process.hrtime.bigint();
  const child = spawn(cmd, args, { stdio: [fd, 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  return new Promise((resolve, reject) => {
    child.once('close', (code) => {
      if (typeof fd === 'number') closeSync(fd);
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`));
      else resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, stdout });
    });
  });
}

/** One search over HTTP, read to its end: seconds, matches and records scanned. */
async function searchOnce(url: string): Promise<{ seconds: number; matched: number; scanned: number; reason: string }> {
  const started = process.hrtime.bigint();
  const res = await fetch(url);
  if (!res.ok) throw new Error(`search answered ${res.status}: ${await res.text()}`);
  const text = await res.text();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const done = text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { type: string; matched?: number; scanned?: number; reason?: string })
    .find((e) => e.type === 'done');
  if (!done) throw new Error(`the search ended without a done event: ${text.slice(-500)}`);
  return { seconds, matched: done.matched!, scanned: done.scanned!, reason: done.reason! };
}

export async function searchCase(o: SearchCaseOptions): Promise<void> {
  ensureBuild();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kafscope-search-bench-'));
  const broker = await startBrokerProcess(1);
  let console_: Awaited<ReturnType<typeof startConsole>> | undefined;
  try {
    const topic = 'search-bench';
    const kafka = new Kafka({ clientId: 'bench', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: o.partitions }] });
    const input = path.join(tmp, 'input.txt');
    await writeInput(input, o.messages, o.size);
    await run(o.kcat, ['-P', '-b', broker.bootstrap, '-t', topic, '-X', 'linger.ms=5', '-X', 'queue.buffering.max.messages=500000'], input);
    const stored = (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
    await admin.disconnect();
    if (stored !== o.messages) throw new Error(`expected ${o.messages} records stored, found ${stored}`);
    console_ = await startConsole(broker.bootstrap);
    const base = `${console_.url}/api/clusters/${BENCH_CLUSTER}/topics/${topic}/search?q=${NEEDLE}&in=value&limit=1&maxScan=10000000`;

    console.log(
      `search: ${o.messages} x ${o.size} B in ${o.partitions} partitions, one match (the last record produced); ` +
        `load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} on ${os.availableParallelism()} cores`,
    );
    // A first search warms the console (route code, connections); not timed.
    await searchOnce(`${base}&order=desc`);
    const grep = await run('sh', ['-c', `'${o.kcat}' -C -b ${broker.bootstrap} -t ${topic} -e -q | grep -c ${NEEDLE}`]);
    const full = await searchOnce(`${base}&order=asc&from=earliest`);
    const newest = await searchOnce(`${base}&order=desc`);
    if (grep.stdout.trim() !== '1') throw new Error(`kcat | grep found ${grep.stdout.trim()} matches, expected 1`);
    if (full.matched !== 1 || newest.matched !== 1) throw new Error(`Kafscope found ${full.matched} (oldest first) and ${newest.matched} (newest first) matches, expected 1`);
    const ratio = full.seconds / grep.seconds;
    console.log(`  kcat -C -e | grep               ${grep.seconds.toFixed(2)} s (${o.messages} records)`);
    console.log(`  Kafscope search, oldest first   ${full.seconds.toFixed(2)} s (${full.scanned} records scanned)`);
    console.log(`  Kafscope search, newest first   ${newest.seconds.toFixed(2)} s (${newest.scanned} records scanned)`);
    console.log(`  ratio Kafscope (full scan) / kcat | grep: ${ratio.toFixed(2)} (target <= 1: ${ratio <= 1 ? 'met' : 'missed'}); load average now ${os.loadavg()[0]!.toFixed(2)}`);
  } finally {
    await console_?.stop();
    await broker.service.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}
