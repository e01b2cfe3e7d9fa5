// Whether the group page's lag chart stays fast at its worst size: one group reading 100 partitions,
// the 7-day range, a sample every 30 s (the last day at full resolution, the six before it
// downsampled to 5 minutes, as the store keeps them). Measured in three steps, each as a user meets
// it: the lag-history answer (groupLagHistory, what GET .../lag-history?range=7d runs: read the day
// files, thin to at most 2,000 points per series and 50,000 in all, build the DTO) and its JSON size; the browser's work on it
// (zod parse of the JSON, then the chart data per partition, per topic, total, rates and time lag:
// components/lag/chart-data.ts); and uPlot drawing the per-partition chart (100 lines) in Chromium.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { lagSeries, rateSeries, timeLagSeries } from '../components/lag/chart-data';
import { findChromium, CHROMIUM_FLAGS } from '../e2e/support/chromium';
import { loadAppConfig } from '../lib/config';
import { configureClusters, resetClusters } from '../lib/kafka/connection/registry';
import { clusterDir, historyOf, startHistory, stopHistory } from '../lib/kafka/history/history';
import { groupLagHistory, pointsPerSeries } from '../lib/kafka/history/lag-history';
import { LagStore } from '../lib/kafka/history/store';
import { dayStart } from '../lib/kafka/history/store-format';
import type { RoundSample } from '../lib/kafka/history/types';
import { LagHistorySchema } from '../lib/schemas/lag-history';

export interface ChartCostOptions {
  partitions: number;
  days: number;
}

const CLUSTER = 'chart';
const GROUP = 'orders-service';
const TOPIC = 'orders';
const INTERVAL = 30_000;
const DAY = 86_400_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** `runs` timings of `fn` (after one warm-up), and its last result. */
async function timed<T>(runs: number, fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  let value = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = await fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), value };
}

/** Days of rounds for one group on one topic: a steady producer, a consumer that falls behind in
 * bursts and catches up, so every line moves. */
async function writeHistory(dir: string, partitions: number, days: number, end: number): Promise<void> {
  let now = end - days * DAY;
  const store = await LagStore.open({ dir, clock: () => now });
  const logEnd = Array.from({ length: partitions }, (_, p) => 1_000_000n * BigInt(p + 1));
  const committed = [...logEnd];
  for (let r = 0; now < end; r++, now += INTERVAL) {
    const round: RoundSample = { at: now, partitions: [], groups: [{ group: GROUP, members: 3, commits: [] }] };
    for (let p = 0; p < partitions; p++) {
      logEnd[p]! += BigInt(50 + ((r * 7 + p * 13) % 40));
      const behind = r % 120 < 30 ? 0n : 40n;
      committed[p] = logEnd[p]! - BigInt(r % 120 < 30 ? 500 + ((r + p) % 300) : 20) * (behind > 0n ? 1n : 3n);
      round.partitions.push({ topic: TOPIC, partition: p, logStart: 0n, logEnd: logEnd[p]! });
      round.groups[0]!.commits.push({ topic: TOPIC, partition: p, committed: committed[p]! });
    }
    await store.append(round);
    // Older days are downsampled as the running console does it, once a day has aged.
    if (now % DAY === 0) await store.maintain();
  }
  await store.maintain();
  await store.close();
}

export async function chartCost({ partitions, days }: ChartCostOptions): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kafscope-lag-chart-'));
  const end = dayStart('2030-01-08') + 12 * 3_600_000;
  try {
    const t0 = performance.now();
    await writeHistory(clusterDir(dataDir, CLUSTER), partitions, days, end);
    console.log(`lag chart: 1 group x ${partitions} partitions, ${days} days of 30 s rounds written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // The cluster itself is never reached: the history answers from its files.
    configureClusters(loadAppConfig({ KAFKA_CLUSTERS_0_NAME: CLUSTER, KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: '127.0.0.1:1' }));
    await startHistory({ dataDir, clock: () => end, intervalMs: 24 * 3_600_000, log: () => undefined });

    const store = historyOf(CLUSTER)!.store;
    const read = await timed(3, () => store.history(GROUP, end - days * DAY, end, pointsPerSeries(partitions)));
    const answer = await timed(5, () => groupLagHistory(CLUSTER, GROUP, '7d'));
    const text = JSON.stringify(answer.value);
    const points = answer.value.partitions.reduce((n, p) => n + p.points.length, 0);
    console.log(`  GET lag-history?range=7d: ${ms(answer.ms)} (median of 5; reading the files ${ms(read.ms)}), ${(text.length / 1024).toFixed(0)} KB of JSON, ${answer.value.totals.length} times x ${answer.value.partitions.length} partitions = ${points} points`);

    const parsed = await timed(5, () => LagHistorySchema.parse(JSON.parse(text)));
    const h = parsed.value;
    const byPartition = await timed(5, () => lagSeries(h, 'partition'));
    const others = await timed(5, () => [lagSeries(h, 'topic'), lagSeries(h, 'total'), rateSeries(h), timeLagSeries(h)]);
    console.log(`  browser's data work (Node, same code): parse ${ms(parsed.ms)}, per-partition lines ${ms(byPartition.ms)}, total + topic + rates + time lag ${ms(others.ms)}`);

    const data = byPartition.value;
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.setContent('<div id="chart" style="width:1000px"></div>');
      await page.addStyleTag({ content: await readFile('node_modules/uplot/dist/uPlot.min.css', 'utf8') });
      await page.addScriptTag({ content: await readFile('node_modules/uplot/dist/uPlot.iife.min.js', 'utf8') });
      const draws = await page.evaluate(
        async ({ xs, series }) => {
          const w = window as unknown as { uPlot: new (opts: object, data: unknown[], el: HTMLElement) => { destroy(): void } };
          const el = document.getElementById('chart')!;
          const out: number[] = [];
          for (let i = 0; i < 6; i++) {
            const t0 = performance.now();
            const plot = new w.uPlot(
              { width: 1000, height: 220, scales: { x: { time: true } }, legend: { show: false }, series: [{}, ...series.map((s) => ({ label: s.label, stroke: '#059669', width: 1.5, points: { show: false } }))] },
              [xs, ...series.map((s) => s.values)],
              el,
            );
            // uPlot draws in a microtask queued by its constructor: wait for it before the clock stops.
            await new Promise<void>((r) => queueMicrotask(r));
            out.push(performance.now() - t0);
            plot.destroy();
          }
          return out.slice(1);
        },
        { xs: data.xs, series: data.series },
      );
      console.log(`  uPlot draws the ${data.series.length}-line chart (${data.xs.length} x-values) in Chromium: ${ms(median(draws))} (median of 5)`);
    } finally {
      await browser.close();
    }
  } finally {
    await stopHistory();
    await resetClusters();
    await rm(dataDir, { recursive: true, force: true });
  }
}
