// API benchmark at scale (not a test). Three processes, so each one's cost is its own:
// - the embedded broker (`npx tsx lib/broker/cli.ts --in-memory --nodes 3`, broker-process.ts),
//   seeded with 10,000 topics (or more: --topics, --partitions) plus a 12-partition hot topic and
//   four 24-partition topics, and 10,000 groups each committed on its own topic and on every
//   partition of the hot topic (api-seed.ts);
// - the console as users run it: the production server (`node scripts/start.mjs`, built first by
//   scripts/ensure-build.mjs when stale; console-server.ts), called over HTTP. Chosen over a tsx
//   process importing the route handlers because it is what serves users — Next's routing, the
//   route wrapper and JSON serialisation are in the figures, and its RSS is the server's own;
//   a rebuild when lib/ changed takes under a minute, which a benchmark run can afford;
// - this script, which seeds, calls and prints.
// Figures:
// - cold: the console process is restarted before each cold call (new process: no connection, no
//   cache, no group index, no sorted names), and the route's code is loaded by one request for an
//   unknown cluster first (404, no Kafka), so the cold figure is Kafka work and our own;
// - warm: p50/p95 over `--calls` calls `--gap` ms apart, so the 2 s caches expire several times and
//   the refreshes a user keeps paying for are in the p95;
// - memory: /proc/<pid>/status VmRSS of the console's server process (the child of start.mjs) idle,
//   after seeding, after each case's warm calls, and after a mixed warm run (`--rounds` rounds of
//   every case in one process); the broker's RSS separately.
//
//   npm run bench:api [-- --topics 10000 --partitions 1 --groups 10000 --calls 40 --gap 150 --rounds 3]
//   npm run bench:api -- --topics 50000 --partitions 4      (200,000 partitions)
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { apiCases, callOnce, fmtKb, fmtMs, HOT_TOPIC, mb, pct, RSS_TARGET_MAX_PARTITIONS, RSS_TARGET_MB, verdict, type Case } from './api-cases';
import { seed } from './api-seed';
import { startBrokerProcess } from './broker-process';
import { BENCH_CLUSTER, ensureBuild, startConsole, type ConsoleServer } from './console-server';
import { memoryOf } from './processes';

const { values } = parseArgs({
  options: {
    topics: { type: 'string', default: '10000' },
    partitions: { type: 'string', default: '1' },
    groups: { type: 'string', default: '10000' },
    calls: { type: 'string', default: '40' },
    gap: { type: 'string', default: '150' },
    nodes: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
  },
});
const TOPICS = Number(values.topics);
const PARTITIONS = Number(values.partitions);
const GROUPS = Number(values.groups);
const CALLS = Number(values.calls);
const GAP_MS = Number(values.gap);
const ROUNDS = Number(values.rounds);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const memory = (pid: number) => {
  const m = memoryOf(pid);
  return `${mb(m.rss)} MB (peak ${mb(m.peak)} MB)`;
};

function machine(): string {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
  return `${availableParallelism()} cores ("${cpu}"), Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} at the start`;
}

async function withConsole<T>(bootstrap: string, fn: (c: ConsoleServer) => Promise<T>): Promise<T> {
  const c = await startConsole(bootstrap);
  try {
    return await fn(c);
  } finally {
    await c.stop();
  }
}

async function measureCase(bootstrap: string, c: Case) {
  return withConsole(bootstrap, async (server) => {
    const url = `${server.url}/api/clusters/${BENCH_CLUSTER}${c.path}`;
    await server.loadRoute(c.path);
    const cold = await callOnce(url);
    const times: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      await sleep(GAP_MS);
      times.push((await callOnce(url)).ms);
    }
    times.sort((a, b) => a - b);
    return { cold, p50: pct(times, 50), p95: pct(times, 95), rss: memory(server.pid) };
  });
}

/** Every case, `ROUNDS` times over, in one console process: what it holds after serving them all. */
async function mixedRun(bootstrap: string, cases: Case[]) {
  return withConsole(bootstrap, async (server) => {
    const perCase = Math.max(1, Math.round(CALLS / 4));
    for (let r = 0; r < ROUNDS; r++) {
      for (const c of cases) {
        for (let i = 0; i < perCase; i++) {
          await callOnce(`${server.url}/api/clusters/${BENCH_CLUSTER}${c.path}`);
          await sleep(GAP_MS);
        }
      }
    }
    return memoryOf(server.pid);
  });
}

async function main() {
  console.log(`machine: ${machine()}`);
  ensureBuild();
  const broker = await startBrokerProcess(Number(values.nodes));
  const stopAll: (() => Promise<void>)[] = [() => broker.service.stop()];
  process.once('SIGINT', () => void Promise.all(stopAll.map((f) => f())).then(() => process.exit(130)));
  try {
    const log = (line: string) => console.log(`  ${line}`);
    const brokerIdle = memory(broker.pid());
    const idle = await startConsole(broker.bootstrap);
    stopAll.push(() => idle.stop());
    const consoleIdle = memory(idle.pid);
    console.log(`seeding ${TOPICS} topics of ${PARTITIONS} partition(s) and ${GROUPS} groups on ${values.nodes} nodes`);
    const seedStarted = Date.now();
    await seed(broker.bootstrap, { topics: TOPICS, partitions: PARTITIONS, groups: GROUPS, hotTopic: HOT_TOPIC, hotPartitions: 12, bigTopics: 4 }, log);
    console.log(`seeded in ${((Date.now() - seedStarted) / 1000).toFixed(0)} s`);
    const brokerSeeded = memory(broker.pid());
    const consoleSeeded = memory(idle.pid);
    await idle.stop();

    const cases = apiCases(BENCH_CLUSTER, GROUPS);
    const rows: string[][] = [];
    const targets: string[][] = [];
    for (const c of cases) {
      const m = await measureCase(broker.bootstrap, c);
      rows.push([c.name, fmtMs(m.cold.ms), fmtMs(m.p50), fmtMs(m.p95), fmtKb(m.cold.bytes)]);
      if (c.coldTargetMs !== undefined) targets.push([`${c.name} cold`, `<= ${fmtMs(c.coldTargetMs)}`, fmtMs(m.cold.ms), verdict(m.cold.ms <= c.coldTargetMs)]);
      console.log(`${c.name}: cold ${fmtMs(m.cold.ms)}, p50 ${fmtMs(m.p50)}, p95 ${fmtMs(m.p95)}; console RSS after it ${m.rss}`);
    }
    const mixed = await mixedRun(broker.bootstrap, cases);
    const brokerEnd = memory(broker.pid());
    const totalPartitions = TOPICS * PARTITIONS + 12 + 4 * 24;
    if (totalPartitions <= RSS_TARGET_MAX_PARTITIONS) {
      targets.push(['console RSS after the warm run', `<= ${RSS_TARGET_MB} MB`, `${mb(mixed.rss)} MB`, verdict(mb(mixed.rss) <= RSS_TARGET_MB)]);
    }

    const scale = `${TOPICS.toLocaleString('en')} topics × ${PARTITIONS}, ${totalPartitions.toLocaleString('en')} partitions, ${GROUPS.toLocaleString('en')} groups`;
    console.log(`\n| Request (${scale}) | Cold | Warm p50 | Warm p95 | Body |\n|---|---|---|---|---|`);
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
    console.log(`\n| Process | Idle | After seeding | After the warm run |\n|---|---|---|---|`);
    console.log(`| console (production server) | ${consoleIdle} | ${consoleSeeded} | ${mb(mixed.rss)} MB (peak ${mb(mixed.peak)} MB) |`);
    console.log(`| broker (3 nodes, in memory) | ${brokerIdle} | ${brokerSeeded} | ${brokerEnd} |`);
    console.log(`\n| Target | Wanted | Measured | |\n|---|---|---|---|`);
    for (const t of targets) console.log(`| ${t.join(' | ')} |`);
    console.log(`\nload average at the end: ${loadavg()[0]!.toFixed(1)}`);
    console.log(
      `Cold: console restarted before each. Warm: ${CALLS} calls ${GAP_MS} ms apart. Warm run for memory: ${ROUNDS} rounds of every case, ` +
        `${Math.max(1, Math.round(CALLS / 4))} calls each, in one console process.`,
    );
  } finally {
    await Promise.all(stopAll.map((f) => f()));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
