// Development probe for the search case (not part of `npm run bench`): the same topic as
// search-case.ts on the embedded broker (own process), but the search route is called in this
// process (no Next server, no build), alternating with kcat | grep, for --runs rounds, with the
// number of Fetch round trips and bytes per fetch counted. Run with --cpu-prof to profile the
// console side. `npx tsx --conditions=react-server bench/search-probe.ts [--runs 3]`
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { startBrokerProcess } from './broker-process';
import { NEEDLE, run, writeInput } from './search-case';
import { loadAppConfig } from '../lib/config';
import { configureClusters, resetClusters } from '../lib/kafka/connection/registry';
import { GET as searchRoute } from '../app/api/clusters/[cluster]/topics/[topic]/search/route';
import { fetchStats } from '../lib/kafka/connection/raw-requests';

const { values } = parseArgs({ options: { profile: { type: 'string' }, 'broker-prof': { type: 'string' }, runs: { type: 'string', default: '3' }, messages: { type: 'string', default: '300000' }, kcat: { type: 'string', default: 'kcat' } } });
const MESSAGES = Number(values.messages);
const SIZE = 1024;

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuOf(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}
const ownCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function search(topic: string, qs: string) {
  const started = process.hrtime.bigint();
  const res = await searchRoute(new Request(`http://console.test/api/clusters/probe/topics/${topic}/search?${qs}`), { params: Promise.resolve({ cluster: 'probe', topic }) });
  const text = await res.text();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const lines = text.trim().split('\n');
  const done = JSON.parse(lines.at(-1)!) as { matched: number; scanned: number };
  return { seconds, matched: done.matched, scanned: done.scanned, events: lines.length };
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kafscope-search-probe-'));
  const broker = await startBrokerProcess(1, values['broker-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['broker-prof']}`] : []);
  try {
    const topic = 'search-probe';
    const kafka = new Kafka({ clientId: 'probe', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] });
    await admin.disconnect();
    const input = path.join(tmp, 'input.txt');
    await writeInput(input, MESSAGES, SIZE);
    await run(values.kcat!, ['-P', '-b', broker.bootstrap, '-t', topic, '-X', 'linger.ms=5', '-X', 'queue.buffering.max.messages=500000'], input);
    process.env.KAFSCOPE_QUIET_KAFKA_LOGS = '1';
    configureClusters(loadAppConfig({ KAFKA_CLUSTERS_0_NAME: 'probe', KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: broker.bootstrap }));
    const base = `q=${NEEDLE}&in=value&limit=1&maxScan=10000000`;
    await search(topic, `${base}&order=desc`);
    for (let i = 0; i < Number(values.runs); i++) {
      const load = os.loadavg()[0]!.toFixed(2);
      const b0 = cpuOf(broker.pid());
      const grep = await run('sh', ['-c', `${values.kcat} -C -b ${broker.bootstrap} -t ${topic} -e -q | grep -c ${NEEDLE}`]);
      const b1 = cpuOf(broker.pid());
      const c1 = ownCpu();
      Object.assign(fetchStats, { count: 0, bytes: 0, batches: 0, opened: 0, records: 0 });
      const session = values.profile ? new Session() : null;
      if (session) {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      }
      const full = await search(topic, `${base}&order=asc&from=earliest`);
      if (session) {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(`${values.profile}.${i}.cpuprofile`, JSON.stringify(profile));
        session.disconnect();
      }
      const b2 = cpuOf(broker.pid());
      const c2 = ownCpu();
      const fetches = fetchStats.count;
      const bytes = fetchStats.bytes;
      const newest = await search(topic, `${base}&order=desc`);
      console.log(
        `load ${load}: kcat|grep ${grep.seconds.toFixed(2)} s (${grep.stdout.trim()}), asc ${full.seconds.toFixed(2)} s (${full.matched}/${full.scanned}, ${full.events} events, ${fetches} fetches, ${(bytes / Math.max(fetches, 1) / 1024).toFixed(0)} KiB/fetch, ${fetchStats.batches} batches, ${fetchStats.opened} opened, ${fetchStats.records} records opened) ratio ${(full.seconds / grep.seconds).toFixed(2)}; cpu: broker ${(b1 - b0).toFixed(2)} s for kcat, ${(b2 - b1).toFixed(2)} s for asc, console ${(c2 - c1).toFixed(2)} s; desc ${newest.seconds.toFixed(3)} s (${newest.matched}/${newest.scanned})`,
      );
    }
  } finally {
    await resetClusters();
    await broker.service.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

void main();
