// What GET /metrics says, as Prometheus text: per cluster, from the lag store's latest round, each
// group's lag (records, and seconds where it can be estimated), committed offset and status, and each
// partition's log end; then the console's own health: its lanes, its samplers, its requests, and
// its audit trail's topics (entries waiting, produced, dropped).
// Nothing here asks a cluster: a scrape reads what the samplers last saw, so it costs the same
// whether a cluster answers or not. Lag is log end - committed as kafka-consumer-groups.sh prints
// it (negative for a commit above the log end), and lag in seconds is the estimate of
// offset-times.ts, left out when it cannot be known. Which groups and topics appear is bounded by
// the include/exclude patterns (history-env.ts).
import 'server-only';
import { allAuditTopicStats } from '../audit/audit-topic';
import { existingClients, listClusters } from '../connection/registry';
import { requestCounts } from './console-metrics';
import { historyOf, metricsFilter, type MetricsFilter } from './history';
import { Exposition, type Labels } from './prometheus';
import { STATUSES } from './verdicts';

const shown = (name: string, include?: RegExp | null, exclude?: RegExp | null) => (!include || include.test(name)) && !exclude?.test(name);

interface Row {
  cluster: string;
  group: string;
  topic: string;
  partition: number;
  committed: bigint;
  logEnd: bigint | null;
  lagSeconds: number | null;
}

/** Every shown group's latest commits, cluster by cluster. */
function* rows(clusters: string[], filter: MetricsFilter): Generator<Row> {
  for (const cluster of clusters) {
    const h = historyOf(cluster);
    if (!h) continue;
    for (const group of h.store.statuses().keys()) {
      if (!shown(group, filter.groupsInclude, filter.groupsExclude)) continue;
      for (const c of h.store.latestCommits(group)) {
        if (!shown(c.topic, filter.topicsInclude, filter.topicsExclude)) continue;
        const lagSeconds = c.logEnd === null ? null : h.store.lagSeconds(c.p, c.committed, c.logEnd);
        yield { cluster, group, topic: c.topic, partition: c.partition, committed: c.committed, logEnd: c.logEnd, lagSeconds };
      }
    }
  }
}

const partitionLabels = (r: Row): Labels => [
  ['cluster', r.cluster],
  ['group', r.group],
  ['topic', r.topic],
  ['partition', String(r.partition)],
];

/** The exposition, in chunks of about 64 KB. */
export function* metricsText(filter: MetricsFilter = metricsFilter()): Generator<string> {
  const out = new Exposition();
  const clusters = listClusters().map((c) => c.name);
  const flush = function* (): Generator<string> {
    const chunk = out.take();
    if (chunk !== null) yield chunk;
  };

  out.family('kafscope_consumergroup_lag', 'gauge', 'Records between the committed offset and the log end (log end - committed; negative when the commit is above the log end), at the latest lag sample.');
  for (const r of rows(clusters, filter)) {
    if (r.logEnd !== null) out.sample('kafscope_consumergroup_lag', partitionLabels(r), r.logEnd - r.committed);
    yield* flush();
  }
  out.family('kafscope_consumergroup_lag_seconds', 'gauge', 'Estimated seconds between the record at the committed offset and the newest record (interpolated from the lag samples; absent when not known yet).');
  for (const r of rows(clusters, filter)) {
    if (r.lagSeconds !== null) out.sample('kafscope_consumergroup_lag_seconds', partitionLabels(r), Math.round(r.lagSeconds * 1000) / 1000);
    yield* flush();
  }
  out.family('kafscope_consumergroup_committed_offset', 'gauge', 'The group\'s committed offset on the partition, at the latest lag sample.');
  for (const r of rows(clusters, filter)) {
    out.sample('kafscope_consumergroup_committed_offset', partitionLabels(r), r.committed);
    yield* flush();
  }
  out.family('kafscope_partition_log_end_offset', 'gauge', 'The partition\'s log end offset (high watermark), at the latest lag sample.');
  for (const cluster of clusters) {
    const h = historyOf(cluster);
    if (!h) continue;
    for (const p of h.store.latestPartitions()) {
      if (!shown(p.topic, filter.topicsInclude, filter.topicsExclude)) continue;
      out.sample('kafscope_partition_log_end_offset', [['cluster', cluster], ['topic', p.topic], ['partition', String(p.partition)]], p.logEnd);
      yield* flush();
    }
  }
  out.family('kafscope_consumergroup_status', 'gauge', 'The group\'s status from its recent lag samples: 1 for the current one (OK, WARN, STALL, STOP, REWIND, ERROR), 0 for the others.');
  for (const cluster of clusters) {
    const h = historyOf(cluster);
    if (!h) continue;
    for (const [group, verdict] of h.store.statuses()) {
      if (!shown(group, filter.groupsInclude, filter.groupsExclude)) continue;
      for (const status of STATUSES) out.sample('kafscope_consumergroup_status', [['cluster', cluster], ['group', group], ['status', status]], verdict.status === status ? 1 : 0);
      yield* flush();
    }
  }

  // The console's own health.
  const lanes = existingClients().flatMap((c) => [
    { cluster: c.name, lane: 'interactive', use: c.lanes.interactive.use() },
    { cluster: c.name, lane: 'long', use: c.lanes.long.use() },
    { cluster: c.name, lane: 'writes', use: c.writes.use() },
  ]);
  const laneFamilies = [
    ['kafscope_lane_running', 'gauge', 'Units of work running in the lane now.', (u: (typeof lanes)[number]['use']) => u.running],
    ['kafscope_lane_waiting', 'gauge', 'Units of work waiting for a place in the lane now.', (u: (typeof lanes)[number]['use']) => u.waiting],
    ['kafscope_lane_limit', 'gauge', 'Units of work the lane runs at once.', (u: (typeof lanes)[number]['use']) => u.limit],
    ['kafscope_lane_rejected_total', 'counter', 'Units of work the lane refused (full, or waited too long).', (u: (typeof lanes)[number]['use']) => u.rejected],
  ] as const;
  for (const [name, type, help, value] of laneFamilies) {
    out.family(name, type, help);
    for (const l of lanes) out.sample(name, [['cluster', l.cluster], ['lane', l.lane]], value(l.use));
  }

  const samplers = clusters.flatMap((cluster) => {
    const h = historyOf(cluster);
    return h ? [{ cluster, h }] : [];
  });
  out.family('kafscope_lag_sampler_duration_seconds', 'gauge', 'How long the last lag sample round took.');
  for (const { cluster, h } of samplers) {
    const r = h.sampler.lastRound;
    if (r) out.sample('kafscope_lag_sampler_duration_seconds', [['cluster', cluster]], Math.round(r.durationMs) / 1000);
  }
  out.family('kafscope_lag_sampler_last_success_timestamp_seconds', 'gauge', 'When the last successful lag sample round ended (seconds since the epoch).');
  for (const { cluster, h } of samplers) {
    if (h.sampler.lastSuccessAt !== null) out.sample('kafscope_lag_sampler_last_success_timestamp_seconds', [['cluster', cluster]], h.sampler.lastSuccessAt / 1000);
  }
  out.family('kafscope_lag_sampler_rounds_total', 'counter', 'Lag sample rounds, by outcome: ok, skipped (the long lane was full, a search took the place, or the cluster was not ready), failed.');
  for (const { cluster, h } of samplers) {
    for (const outcome of ['ok', 'skipped', 'failed'] as const) out.sample('kafscope_lag_sampler_rounds_total', [['cluster', cluster], ['outcome', outcome]], h.sampler.counters[outcome]);
  }
  out.family('kafscope_lag_history_disk_bytes', 'gauge', 'Bytes of lag history on disk.');
  for (const { cluster, h } of samplers) out.sample('kafscope_lag_history_disk_bytes', [['cluster', cluster]], h.store.disk().bytes);

  const trails = allAuditTopicStats();
  const trailFamilies = [
    ['kafscope_audit_topic_queued', 'gauge', 'Audit entries waiting to be produced to the audit topic.', (t: (typeof trails)[number]) => t.queued],
    ['kafscope_audit_topic_produced_total', 'counter', 'Audit entries produced to the audit topic.', (t: (typeof trails)[number]) => t.produced],
    ['kafscope_audit_topic_dropped_total', 'counter', 'Audit entries not produced to the audit topic (its queue was full); the audit file has them.', (t: (typeof trails)[number]) => t.dropped],
  ] as const;
  for (const [name, type, help, value] of trailFamilies) {
    out.family(name, type, help);
    for (const t of trails) out.sample(name, [['cluster', t.cluster], ['topic', t.topic]], value(t));
  }

  const requests = requestCounts();
  out.family('kafscope_http_requests_total', 'counter', 'HTTP requests answered, by route and status.');
  for (const r of requests) out.sample('kafscope_http_requests_total', [['route', r.route], ['status', String(r.status)]], r.count);
  out.family('kafscope_http_request_errors_total', 'counter', 'HTTP requests answered with a server error (status 500 and above), by route.');
  const errors = new Map<string, number>();
  for (const r of requests) if (r.status >= 500) errors.set(r.route, (errors.get(r.route) ?? 0) + r.count);
  for (const [route, count] of errors) out.sample('kafscope_http_request_errors_total', [['route', route]], count);

  const last = out.take(true);
  if (last !== null) yield last;
}
