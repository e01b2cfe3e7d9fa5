// Export memory and speed (part of `npm run bench`; `--case export` alone): about 1 GB of records (a
// million of 1 KB by default, 3 partitions) on the embedded broker (its own process, in memory),
// exported as NDJSON through the console's export API on the production server (its own process), the
// file written to disk as a browser's download would be. The console's resident memory is sampled
// every 100 ms from /proc while it streams: flat means it does not grow with the export. Against it,
// what a user would run instead: `kcat -C -e -J` (every record as a JSON line) into a file, on the
// same broker and topic, with its own peak RSS.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Kafka, logLevel } from 'kafkajs';
import { startBrokerProcess } from './broker-process';
import { BENCH_CLUSTER, ensureBuild, startConsole } from './console-server';
import { memoryOf } from './processes';

export interface ExportCaseOptions {
  kcat: string;
  messages: number;
  size: number;
  partitions: number;
}

const mb = (n: number) => `${(n / 1_048_576).toFixed(0)} MB`;

/** Samples a process's RSS every 100 ms until stopped: the lowest and highest seen. */
function sampleRss(pid: () => number | undefined) {
  let min = Infinity;
  let max = 0;
  const tick = () => {
    const p = pid();
    if (p === undefined) return;
    const { rss } = memoryOf(p);
    if (rss > 0) {
      min = Math.min(min, rss);
      max = Math.max(max, rss);
    }
  };
  tick();
  const timer = setInterval(tick, 100);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return { min, max };
    },
  };
}

async function produce(kcat: string, bootstrap: string, topic: string, messages: number, size: number): Promise<void> {
  const child = spawn(kcat, ['-P', '-b', bootstrap, '-t', topic, '-X', 'linger.ms=5', '-X', 'queue.buffering.max.messages=500000'], { stdio: ['pipe', 'ignore', 'inherit'] });
  const line = Buffer.alloc(size, 'x');
  line[size - 1] = 0x0a;
  const chunk = Buffer.concat(Array.from({ length: 1000 }, (_, i) => Buffer.concat([Buffer.from(String(i).padStart(6, '0')), line.subarray(6)])));
  for (let i = 0; i < messages; i += 1000) {
    const n = Math.min(1000, messages - i);
    if (!child.stdin!.write(n === 1000 ? chunk : chunk.subarray(0, n * size))) await new Promise<void>((r) => child.stdin!.once('drain', () => r()));
  }
  child.stdin!.end();
  const code = await new Promise<number | null>((r) => child.once('close', r));
  if (code !== 0) throw new Error(`kcat -P exited ${code}`);
}

/** How the file ends: the export's trailer when it stopped at a cap, else that it reached the end. */
async function tailOf(file: string): Promise<string> {
  const { open } = await import('node:fs/promises');
  const fh = await open(file, 'r');
  try {
    const size = (await fh.stat()).size;
    const buf = Buffer.alloc(Math.min(4096, size));
    await fh.read(buf, 0, buf.length, size - buf.length);
    const last = buf.toString('utf8').trimEnd().split('\n').at(-1) ?? '';
    const trailer = /"complete":(true|false).*?"reason":"([a-z-]+)"/.exec(last);
    return trailer ? `stopped: ${trailer[2]}` : 'the whole range';
  } finally {
    await fh.close();
  }
}

export async function exportCase(o: ExportCaseOptions): Promise<void> {
  ensureBuild();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kafscope-export-bench-'));
  const broker = await startBrokerProcess(1);
  let console_: Awaited<ReturnType<typeof startConsole>> | undefined;
  try {
    const topic = 'export-bench';
    const kafka = new Kafka({ clientId: 'bench', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: o.partitions }] });
    await produce(o.kcat, broker.bootstrap, topic, o.messages, o.size);
    const stored = (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
    await admin.disconnect();
    if (stored !== o.messages) throw new Error(`expected ${o.messages} records stored, found ${stored}`);

    console_ = await startConsole(broker.bootstrap);
    const c = console_;
    console.log(`export: ${o.messages} x ${o.size} B (${mb(o.messages * o.size)}) in ${o.partitions} partitions; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} on ${os.availableParallelism()} cores`);
    // Warm the route (its code and the cluster's connections) with a small export; not measured.
    await (await fetch(`${c.url}/api/clusters/${BENCH_CLUSTER}/topics/${topic}/export?format=ndjson&limit=100`)).text();
    const idle = memoryOf(c.pid).rss;

    const file = path.join(tmp, 'export.ndjson');
    const rss = sampleRss(() => c.pid);
    let started = process.hrtime.bigint();
    const res = await fetch(`${c.url}/api/clusters/${BENCH_CLUSTER}/topics/${topic}/export?format=ndjson&from=earliest&limit=${o.messages}`);
    if (!res.ok || !res.body) throw new Error(`export answered ${res.status}: ${await res.text()}`);
    await pipeline(Readable.fromWeb(res.body as unknown as WebReadableStream), createWriteStream(file));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const mem = rss.stop();
    const bytes = statSync(file).size;
    const ending = await tailOf(file);
    rmSync(file);

    const kcatFile = path.join(tmp, 'kcat.jsonl');
    started = process.hrtime.bigint();
    const child = spawn('sh', ['-c', `exec '${o.kcat}' -C -b ${broker.bootstrap} -t ${topic} -e -q -J > '${kcatFile}'`], { stdio: ['ignore', 'ignore', 'inherit'] });
    const kcatRss = sampleRss(() => child.pid);
    const code = await new Promise<number | null>((r) => child.once('close', r));
    const kcatMem = kcatRss.stop();
    const kcatSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (code !== 0) throw new Error(`kcat -C exited ${code}`);
    const kcatBytes = statSync(kcatFile).size;

    console.log(`  Kafscope export (NDJSON)   ${seconds.toFixed(1)} s, ${mb(bytes)} written (${ending}); console RSS idle ${mb(idle)}, during ${mb(mem.min)} to ${mb(mem.max)}`);
    console.log(`  kcat -C -e -J > file       ${kcatSeconds.toFixed(1)} s, ${mb(kcatBytes)} written; kcat's RSS up to ${mb(kcatMem.max)}`);
    console.log(`  console RSS grew ${mb(Math.max(0, mem.max - idle))} over an export of ${mb(bytes)}; load average now ${os.loadavg()[0]!.toFixed(2)}`);
  } finally {
    await console_?.stop();
    await broker.service.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}
