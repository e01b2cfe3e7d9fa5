// What lag history costs and whether its chart stays fast (not a test): the store at 10,000 groups
// x 10 partitions over a day of 30 s rounds (CPU per round, disk per day, memory, downsampling), a
// sampler round against the embedded broker as its own process at the same size (reading and
// storing, CPU and wall), and the group page's chart at 100 partitions x 7 days (the answer, the
// browser's data work, uPlot's draw in Chromium). No peer has a lag history to compare with: Burrow
// and kafka-lag-exporter keep theirs in memory (or in Prometheus) and are not installed here.
//
//   npm run bench:lag [-- --case all|store|sampler|chart --groups 10000 --partitions 10 --rounds 2880
//     --sampler-rounds 5 --chart-partitions 100 --days 7]
import { parseArgs } from 'node:util';
import { chartCost } from './lag-chart';
import { samplerCost } from './lag-sampler-cost';
import { storeCost } from './lag-store-cost';

const { values } = parseArgs({
  options: {
    case: { type: 'string', default: 'all' },
    groups: { type: 'string', default: '10000' },
    partitions: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2880' },
    'sampler-rounds': { type: 'string', default: '5' },
    'chart-partitions': { type: 'string', default: '100' },
    days: { type: 'string', default: '7' },
    'shared-topics': { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  const which = values.case!;
  if (!['all', 'store', 'sampler', 'chart'].includes(which)) throw new Error('--case is all, store, sampler or chart');
  const run = (c: string) => which === 'all' || which === c;
  const groups = Number(values.groups);
  const partitions = Number(values.partitions);
  if (run('store')) await storeCost({ groups, partitions, rounds: Number(values.rounds), intervalMs: 30_000, sharedTopics: values['shared-topics']! });
  if (run('sampler')) {
    console.log('');
    await samplerCost({ groups, partitions, rounds: Number(values['sampler-rounds']) });
  }
  if (run('chart')) {
    console.log('');
    await chartCost({ partitions: Number(values['chart-partitions']), days: Number(values.days) });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
