// Cold figures only, for the largest scale (not a test): the full API bench at 200,000 partitions
// seeds for minutes and measures every case warm too, which is too slow to iterate on one change.
// This driver seeds once and can keep the broker up (`--hold`, prints its bootstrap), so later runs
// (`--bootstrap`) only restart the console and time the cold calls the issue sets targets for.
// With `--prof DIR` the console runs with --cpu-prof into DIR (written when it stops).
// Each case is called once untimed first, on a console of its own: the broker's first answers of a
// kind run unoptimised code (1.1-1.5 s for the first lag sort against 0.7-0.8 s after), and a
// real cluster's brokers have long been warm. Only the console is cold in the figures.
//
//   npx tsx bench/api-cold.ts --topics 50000 --partitions 4 --hold
//   npx tsx bench/api-cold.ts --bootstrap 127.0.0.1:PORT,... [--cases topics,lag] [--repeat 3] [--prof /tmp/prof]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { apiCases, callOnce, fmtKb, fmtMs, HOT_TOPIC } from './api-cases';
import { seed } from './api-seed';
import { startBrokerProcess } from './broker-process';
import { BENCH_CLUSTER, ensureBuild, startConsole } from './console-server';

const { values } = parseArgs({
  options: {
    topics: { type: 'string', default: '50000' },
    partitions: { type: 'string', default: '4' },
    groups: { type: 'string', default: '10000' },
    bootstrap: { type: 'string' },
    hold: { type: 'boolean', default: false },
    cases: { type: 'string', default: 'topics,lag' },
    repeat: { type: 'string', default: '1' },
    prof: { type: 'string' },
  },
});
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const CASES: Record<string, string> = { topics: '/topics', lag: '/groups?sort=totalLag&dir=desc' };

async function main() {
  ensureBuild();
  let bootstrap = values.bootstrap;
  if (!bootstrap) {
    const broker = await startBrokerProcess(3);
    bootstrap = broker.bootstrap;
    const topics = Number(values.topics);
    const partitions = Number(values.partitions);
    const groups = Number(values.groups);
    const t = Date.now();
    await seed(bootstrap, { topics, partitions, groups, hotTopic: HOT_TOPIC, hotPartitions: 12, bigTopics: 4 }, (l) => console.log(`  ${l}`));
    console.log(`seeded ${topics} × ${partitions} in ${((Date.now() - t) / 1000).toFixed(0)} s; broker pid ${broker.pid()}; bootstrap: ${bootstrap}`);
    if (values.hold) {
      process.once('SIGINT', () => void broker.service.stop().then(() => process.exit(0)));
      process.once('SIGTERM', () => void broker.service.stop().then(() => process.exit(0)));
      await new Promise(() => {});
    }
  }
  const env = values.prof ? { KAFSCOPE_NODE_FLAGS: `--heap-growing-percent=20 --cpu-prof --cpu-prof-dir=${values.prof}` } : {};
  Object.assign(process.env, env);
  const names = apiCases(BENCH_CLUSTER, 0);
  for (const name of values.cases.split(',')) {
    const path = CASES[name] ?? name;
    const warmUp = await startConsole(bootstrap);
    try {
      await callOnce(`${warmUp.url}/api/clusters/${BENCH_CLUSTER}${path}`);
    } finally {
      await warmUp.stop();
    }
    for (let i = 0; i < Number(values.repeat); i++) {
      const server = await startConsole(bootstrap);
      try {
        await server.loadRoute(path);
        const before = load();
        const cold = await callOnce(`${server.url}/api/clusters/${BENCH_CLUSTER}${path}`);
        const label = names.find((c) => c.path === path)?.name ?? path;
        console.log(`${label}: cold ${fmtMs(cold.ms)}, body ${fmtKb(cold.bytes)}; load ${before} before, ${load()} after`);
      } finally {
        await server.stop();
      }
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
