// GET /metrics read by Prometheus's own parser (python3-prometheus-client), and its numbers checked
// against the lag-history API's latest point and the group API's lag for the same groups; label
// values escaped so that an odd group id survives; include/exclude patterns bound what is shown.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getMetrics } from '../../app/metrics/route';
import { GET as getLagHistory } from '../../app/api/clusters/[cluster]/groups/[group]/lag-history/route';
import { GET as getGroup } from '../../app/api/clusters/[cluster]/groups/[group]/route';
import { countRequest, resetRequestCounts } from '../../lib/kafka/history/console-metrics';
import { GroupDetailSchema } from '../../lib/schemas/group';
import { LagHistorySchema, type LagHistory } from '../../lib/schemas/lag-history';
import { call } from '../api/harness';
import { CLUSTER, commitOffsets, createTopic, produce, rounds, startHistoryHarness, statusBecomes, type HistoryHarness } from './history-harness';

let h: HistoryHarness;
const WEIRD = 'we"ird\\group\nwith a new line';

interface Sample {
  family: string;
  type: string;
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The exposition as Prometheus's parser reads it. */
function parse(text: string): Sample[] {
  const script = [
    'import sys, json',
    'from prometheus_client.parser import text_string_to_metric_families',
    'out = []',
    'for f in text_string_to_metric_families(sys.stdin.read()):',
    '    for s in f.samples:',
    '        out.append({"family": f.name, "type": f.type, "name": s.name, "labels": s.labels, "value": s.value})',
    'print(json.dumps(out))',
  ].join('\n');
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { input: text, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Sample[];
}

async function scrape(): Promise<{ text: string; samples: Sample[]; type: string | null }> {
  const res = getMetrics();
  const text = await res.text();
  return { text, samples: parse(text), type: res.headers.get('content-type') };
}

const find = (samples: Sample[], name: string, labels: Record<string, string>) =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

beforeAll(async () => {
  h = await startHistoryHarness({ groupsExclude: /hidden-.*/, topicsExclude: /secret-.*/ });
  await createTopic(h, 'clicks', 3);
  await createTopic(h, 'secret-things');
  for (let p = 0; p < 3; p++) await produce(h, 'clicks', 10, p);
  await produce(h, 'secret-things', 4);
  await commitOffsets(h, 'analytics', 'clicks', { 0: 2, 1: 10 });
  await commitOffsets(h, 'hidden-analytics', 'clicks', { 0: 1 });
  await commitOffsets(h, WEIRD, 'clicks', { 2: 3 });
  await commitOffsets(h, 'analytics', 'secret-things', { 0: 1 });
  await rounds(h, 3);
  // Records written while the sampler watches: their time is known, so is the lag in seconds of a
  // commit among them (partition 1); partition 0's commit predates the first sample (no estimate).
  await produce(h, 'clicks', 10, 1);
  await rounds(h, 3);
  await produce(h, 'clicks', 10, 1);
  await commitOffsets(h, 'analytics', 'clicks', { 1: 15 });
  await createTopic(h, 'ledger');
  await produce(h, 'ledger', 100);
  await commitOffsets(h, 'ahead', 'ledger', { 0: 120 });
  await statusBecomes(h, 'ahead', 'ERROR');
  await rounds(h, 2);
});
afterAll(() => h?.close());

describe('GET /metrics', () => {
  it('is Prometheus text that Prometheus\'s parser reads, with HELP and TYPE', async () => {
    const { text, samples, type } = await scrape();
    expect(type).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(text).toContain('# HELP kafscope_consumergroup_lag ');
    expect(text).toContain('# TYPE kafscope_consumergroup_lag gauge\n');
    expect(text).toContain('# TYPE kafscope_lane_rejected_total counter\n');
    const families = new Set(samples.map((s) => s.family));
    for (const f of ['kafscope_consumergroup_lag', 'kafscope_consumergroup_lag_seconds', 'kafscope_consumergroup_committed_offset', 'kafscope_partition_log_end_offset', 'kafscope_consumergroup_status', 'kafscope_lane_running', 'kafscope_lane_limit', 'kafscope_lane_rejected', 'kafscope_lag_sampler_duration_seconds', 'kafscope_lag_sampler_last_success_timestamp_seconds']) {
      expect(families, f).toContain(f);
    }
  });

  it('equals the lag-history API\'s latest point and the group API\'s lag', async () => {
    const { samples } = await scrape();
    const history = await call(getLagHistory, `/api/clusters/h/groups/analytics/lag-history?range=15m`, { cluster: CLUSTER, group: 'analytics' });
    expect(history.status, JSON.stringify(history.body)).toBe(200);
    const lh: LagHistory = LagHistorySchema.parse(history.body);
    const group = await call(getGroup, '/api/clusters/h/groups/analytics', { cluster: CLUSTER, group: 'analytics' });
    expect(group.status).toBe(200);
    const detail = GroupDetailSchema.parse(group.body);
    // The excluded topic is in the API (no bound there), not in /metrics.
    expect(lh.partitions.map((p) => `${p.topic}-${p.partition}`)).toEqual(['clicks-0', 'clicks-1', 'secret-things-0']);
    for (const p of lh.partitions.filter((x) => x.topic === 'clicks')) {
      const labels = { cluster: CLUSTER, group: 'analytics', topic: p.topic, partition: String(p.partition) };
      const [t, committed, end, lag] = p.points.at(-1)!;
      expect(t).toBe(lh.totals.at(-1)!.t);
      expect(find(samples, 'kafscope_consumergroup_lag', labels).map((s) => s.value)).toEqual([Number(lag)]);
      expect(find(samples, 'kafscope_consumergroup_committed_offset', labels).map((s) => s.value)).toEqual([Number(committed)]);
      expect(find(samples, 'kafscope_partition_log_end_offset', { cluster: CLUSTER, topic: p.topic, partition: String(p.partition) }).map((s) => s.value)).toEqual([Number(end)]);
      const row = detail.offsets.find((o) => o.topic === p.topic && o.partition === p.partition)!;
      expect([row.committed, row.logEnd, row.lag]).toEqual([committed, end, lag]);
      const seconds = find(samples, 'kafscope_consumergroup_lag_seconds', labels).map((s) => s.value);
      expect(seconds).toEqual(p.lagSeconds === null ? [] : [p.lagSeconds]);
    }
    // Partition 1's commit is among records written while sampling: estimated; partition 0's is not.
    expect(lh.partitions[1]!.lagSeconds).toBeGreaterThan(0);
    expect(lh.partitions[1]!.lagSeconds).toBeLessThan(60);
    expect(lh.partitions[0]!.lagSeconds).toBeNull();
    expect(lh.totals.at(-1)!.lag).toBe(detail.totals.lag);
    // Status: 1 for the verdict's, 0 for the five others.
    const status = find(samples, 'kafscope_consumergroup_status', { cluster: CLUSTER, group: 'analytics' });
    expect(status).toHaveLength(6);
    expect(status.filter((s) => s.value === 1).map((s) => s.labels.status)).toEqual([lh.verdict!.status]);
  });

  it('shows a commit above the log end as such: negative lag, status ERROR', async () => {
    const { samples } = await scrape();
    const labels = { cluster: CLUSTER, group: 'ahead', topic: 'ledger', partition: '0' };
    expect(find(samples, 'kafscope_consumergroup_lag', labels).map((s) => s.value)).toEqual([-20]);
    expect(find(samples, 'kafscope_consumergroup_lag_seconds', labels)).toEqual([]);
    expect(find(samples, 'kafscope_consumergroup_status', { group: 'ahead', status: 'ERROR' }).map((s) => s.value)).toEqual([1]);
    const lh = LagHistorySchema.parse((await call(getLagHistory, '/api/clusters/h/groups/ahead/lag-history', { cluster: CLUSTER, group: 'ahead' })).body);
    expect(lh.range).toBe('1h');
    expect(lh.partitions[0]!.points.at(-1)!.slice(1)).toEqual(['120', '100', '-20']);
    expect(lh.verdict).toEqual({ status: 'ERROR', reason: 'ledger-0: committed offset 120 is above the log end 100 (lag -20)' });
    expect(lh.totals.at(-1)!.lag).toBe('-20');
  });

  it('escapes label values: an odd group id comes back whole', async () => {
    const { samples } = await scrape();
    expect(find(samples, 'kafscope_consumergroup_committed_offset', { group: WEIRD, topic: 'clicks', partition: '2' }).map((s) => s.value)).toEqual([3]);
  });

  it('bounds the labels with the include/exclude patterns', async () => {
    const { samples } = await scrape();
    expect(samples.filter((s) => s.labels.group?.startsWith('hidden-'))).toEqual([]);
    expect(samples.filter((s) => s.labels.topic === 'secret-things')).toEqual([]);
  });

  it('shows the console\'s own health: lanes, sampler, requests', async () => {
    resetRequestCounts();
    countRequest('/api/clusters/[cluster]/groups', 200);
    countRequest('/api/clusters/[cluster]/groups', 200);
    countRequest('/api/clusters/[cluster]/groups', 503);
    const { samples } = await scrape();
    expect(find(samples, 'kafscope_lane_limit', { cluster: CLUSTER, lane: 'long' }).map((s) => s.value)).toEqual([2]);
    expect(find(samples, 'kafscope_lane_running', { cluster: CLUSTER, lane: 'interactive' })).toHaveLength(1);
    expect(find(samples, 'kafscope_lane_rejected_total', { cluster: CLUSTER, lane: 'long' })).toHaveLength(1);
    const duration = find(samples, 'kafscope_lag_sampler_duration_seconds', { cluster: CLUSTER })[0]!.value;
    expect(duration).toBeGreaterThan(0);
    expect(duration).toBeLessThan(10);
    const success = find(samples, 'kafscope_lag_sampler_last_success_timestamp_seconds', { cluster: CLUSTER })[0]!.value;
    expect(Math.abs(success - Date.now() / 1000)).toBeLessThan(10);
    expect(find(samples, 'kafscope_http_requests_total', { route: '/api/clusters/[cluster]/groups', status: '200' }).map((s) => s.value)).toEqual([2]);
    expect(find(samples, 'kafscope_http_request_errors_total', { route: '/api/clusters/[cluster]/groups' }).map((s) => s.value)).toEqual([1]);
  });
});

describe('GET /api/clusters/{cluster}/groups/{group}/lag-history', () => {
  it('answers series, totals, rates and verdicts within the range', async () => {
    const r = await call(getLagHistory, '/api/clusters/h/groups/analytics/lag-history?range=1h', { cluster: CLUSTER, group: 'analytics' });
    const lh = LagHistorySchema.parse(r.body);
    expect(lh.to - lh.from).toBe(3_600_000);
    expect(lh.intervalMs).toBe(200);
    expect(lh.members).toBe(0);
    expect(lh.totals.length).toBeGreaterThan(5);
    expect(lh.totals.every((p) => p.t >= lh.from && p.t <= lh.to)).toBe(true);
    expect(lh.rates.production).toBeGreaterThan(0);
    expect(lh.partitions.every((p) => p.verdict !== null && p.points.length <= 2000)).toBe(true);
  });

  it('refuses an unknown range with 400, and a group it has never seen with 404', async () => {
    const bad = await call(getLagHistory, '/api/clusters/h/groups/analytics/lag-history?range=2d', { cluster: CLUSTER, group: 'analytics' });
    expect(bad.status).toBe(400);
    const none = await call(getLagHistory, '/api/clusters/h/groups/nobody/lag-history', { cluster: CLUSTER, group: 'nobody' });
    expect(none.status).toBe(404);
    const cluster = await call(getLagHistory, '/api/clusters/zz/groups/x/lag-history', { cluster: 'zz', group: 'x' });
    expect(cluster.status).toBe(404);
  });
});
