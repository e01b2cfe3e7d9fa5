// API benchmark at scale (not a test): the embedded broker in this process (in memory, 3 nodes)
// with 10,000 single-partition topics plus a few bigger ones and 10,000 consumer groups with
// committed offsets, every group also consuming one "hot" topic. The route handlers are called
// in-process with real Request objects, as the API tests do, and the figures are printed:
// - cold: the first call with new clients and empty caches (no connection, no metadata, no index);
// - warm: p50/p95 over repeated calls spaced out so the 2 s caches expire several times during the
//   run (the figures include the refreshes a user keeps paying for, not only cache hits);
// - the process's RSS after seeding and at the end (broker and API share the process).
//
//   npm run bench:api [-- --topics 10000 --groups 10000 --calls 40 --gap 150]
import { parseArgs } from 'node:util';
import { GET as clusterRoute } from '../app/api/clusters/[cluster]/overview/route';
import { GET as groupsRoute } from '../app/api/clusters/[cluster]/groups/route';
import { GET as topicRoute } from '../app/api/clusters/[cluster]/topics/[topic]/route';
import { GET as topicsRoute } from '../app/api/clusters/[cluster]/topics/route';
import { startBroker } from '../lib/broker';
import { loadAppConfig } from '../lib/config';
import { closeAllClients, configureClusters } from '../lib/kafka/connection/registry';
import { seed } from './api-seed';

const { values } = parseArgs({
  options: {
    topics: { type: 'string', default: '10000' },
    groups: { type: 'string', default: '10000' },
    calls: { type: 'string', default: '40' },
    gap: { type: 'string', default: '150' },
    nodes: { type: 'string', default: '3' },
  },
});
const CALLS = Number(values.calls);
const GAP_MS = Number(values.gap);
const HOT = 'hot-topic';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface Case {
  name: string;
  handler: Handler;
  path: string;
  params?: Record<string, string>;
}

async function callOnce(c: Case): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const res = await c.handler(new Request(`http://console.test${c.path}`), { params: Promise.resolve({ cluster: 'bench', ...c.params }) });
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${c.path}: ${res.status} ${body.slice(0, 300)}`);
  return { ms, bytes: body.length };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const log = (line: string) => console.log(`  ${line}`);
  const broker = await startBroker({ port: 0, nodes: Number(values.nodes), dataDir: null, log: () => undefined });
  process.env.KAFSCOPE_QUIET_KAFKA_LOGS = '1';
  configureClusters(loadAppConfig({ KAFKA_CLUSTERS_0_NAME: 'bench', KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: broker.bootstrap }));
  console.log(`seeding ${values.topics} topics and ${values.groups} groups on ${values.nodes} in-process nodes`);
  await seed(broker.bootstrap, { topics: Number(values.topics), groups: Number(values.groups), hotTopic: HOT, hotPartitions: 12, bigTopics: 4 }, log);

  const cases: Case[] = [
    { name: 'GET /api/clusters/bench/topics (first page)', handler: topicsRoute as Handler, path: '/api/topics' },
    { name: 'GET /api/clusters/bench/topics?q=topic-012 (filtered)', handler: topicsRoute as Handler, path: '/api/topics?q=topic-012' },
    { name: 'GET /api/clusters/bench/topics?sort=messages', handler: topicsRoute as Handler, path: '/api/topics?sort=messages&dir=desc' },
    { name: 'GET /api/clusters/bench/groups (first page)', handler: groupsRoute as Handler, path: '/api/groups' },
    { name: 'GET /api/clusters/bench/groups?sort=totalLag', handler: groupsRoute as Handler, path: '/api/groups?sort=totalLag&dir=desc' },
    { name: `GET /api/clusters/bench/topics/${HOT} (${values.groups} groups)`, handler: topicRoute as Handler, path: `/api/topics/${HOT}`, params: { topic: HOT } },
    { name: 'GET /api/clusters/bench/overview', handler: clusterRoute as Handler, path: '/api/cluster' },
  ];

  const rssSeeded = process.memoryUsage().rss;
  const rows: string[][] = [];
  for (const c of cases) {
    await closeAllClients(); // cold: new connections, empty caches, no group index
    const cold = await callOnce(c);
    const times: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      await sleep(GAP_MS);
      times.push((await callOnce(c)).ms);
    }
    times.sort((a, b) => a - b);
    rows.push([c.name, fmt(cold.ms), fmt(pct(times, 50)), fmt(pct(times, 95)), `${(cold.bytes / 1024).toFixed(1)} KB`]);
    console.log(`${c.name}: cold ${fmt(cold.ms)}, p50 ${fmt(pct(times, 50))}, p95 ${fmt(pct(times, 95))}`);
  }
  const rss = process.memoryUsage().rss;
  console.log('\n| Request | Cold | Warm p50 | Warm p95 | Body |\n|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  const mb = (n: number) => Math.round(n / 1024 / 1024);
  console.log(`\nRSS (broker + API in one process): ${mb(rss)} MB at the end, ${mb(rssSeeded)} MB after seeding (before the first API call)`);
  console.log(`${CALLS} warm calls per request, ${GAP_MS} ms apart; Node ${process.version}`);
  await closeAllClients();
  await broker.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
