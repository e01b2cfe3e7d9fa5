// Replay: copy chosen records of a topic to a topic of the same or another cluster. The records are
// chosen by partition and offset (the browser's checkboxes), by a filter over the topic (or one
// partition), or as an offset range; each goes to the target topic, or, with the DLQ preset, to the
// topic named in one of its headers ("send back where it failed"). Key and headers are kept unless
// asked otherwise (the value always is; a tombstone stays a tombstone); the partition is the same
// as the source's, chosen from the key as a Java producer would (murmur2), or one fixed partition.
// The plan (how many, where, what is skipped and why) is computed first from the records themselves
// and is the same for the dry run and the real thing, so the preview cannot disagree with what is
// done. Producing uses an idempotent producer, so a retried batch never lands twice. Reading holds a
// place in the source's long-work lane for the whole replay.
import 'server-only';
import { Partitioners } from 'kafkajs';
import { currentConsoleConfig } from '../../config';
import type { ReplayEvent, ReplayPlan, ReplayRequest } from '../../schemas/streams';
import type { ClusterClients } from '../connection/clients';
import { invalidate } from '../connection/cache-keys';
import type { RawCluster, RawRecord } from '../connection/kafkajs-types';
import type { LaneLease } from '../connection/lane';
import { fromKafkaError, invalid } from '../errors';
import { checkFilter, RecordFilter } from '../filtering/record-filter';
import { decodingFor } from '../formats/record-decoding';
import { requirePartition, requireTopic, type PartitionMeta, type TopicMeta } from '../reading/metadata';
import { readPartition, type ReadRecord } from '../reading/reader';
import { getWatermarks, watermarkOf } from '../reading/watermarks';
import { eventStream } from '../streams/event-stream';

const READ_CHUNK = 2_000;
const PRODUCE_BATCH = 500;
const SAMPLE = 20;

interface Planned {
  record: ReadRecord & { raw: RawRecord };
  topic: string;
  partition: number;
}

interface Plan {
  dto: ReplayPlan;
  planned: Planned[];
}

/** The chosen records of the source topic, read on one reader of the long-work lane. */
async function selectRecords(clients: ClusterClients, cluster: RawCluster, t: TopicMeta, req: ReplayRequest, max: number, skipped: ReplayPlan['skipped']): Promise<ReadRecord[]> {
  const topic = t.name;
  const sel = req.select;
  const readRange = async (p: PartitionMeta, from: bigint, end: bigint, take: (rs: ReadRecord[]) => Promise<boolean>) => {
    let pos = from;
    while (pos < end) {
      const r = await readPartition(cluster, { topic, partition: p.partition, leader: p.leader, from: pos, end, max: READ_CHUNK });
      if (r.records.length > 0 && !(await take(r.records))) return;
      if (r.next <= pos || r.outOfRange) return;
      pos = r.next;
    }
  };
  const wm = await getWatermarks(clients, t.partitions.map((p) => ({ topic, partition: p.partition })));
  const out: ReadRecord[] = [];
  const full = () => out.length >= max;
  if (sel.kind === 'records') {
    for (const ref of sel.records.slice(0, max)) {
      const p = requirePartition(t, ref.partition);
      const at = BigInt(ref.offset);
      const r = await readPartition(cluster, { topic, partition: p.partition, leader: p.leader, from: at, end: at + 1n, max: 1 });
      const found = r.records.find((x) => x.offset === at);
      if (found) out.push(found);
      else skipped.push({ partition: ref.partition, offset: ref.offset, reason: 'no such record (deleted, compacted or beyond the end)' });
    }
    return out;
  }
  if (sel.kind === 'range') {
    const p = requirePartition(t, sel.partition);
    const w = watermarkOf(wm, topic, p.partition) ?? { low: 0n, high: 0n };
    const from = BigInt(sel.fromOffset) < w.low ? w.low : BigInt(sel.fromOffset);
    const end = BigInt(sel.toOffset) + 1n < w.high ? BigInt(sel.toOffset) + 1n : w.high;
    if (BigInt(sel.fromOffset) > BigInt(sel.toOffset)) throw invalid('select.fromOffset must not be after select.toOffset.', 'select.fromOffset');
    await readRange(p, from, end, async (rs) => {
      out.push(...rs.slice(0, max - out.length));
      return !full();
    });
    return out;
  }
  const filter = RecordFilter.open(checkFilter(sel.filter));
  try {
    const parts = sel.partition !== undefined ? [requirePartition(t, sel.partition)] : t.partitions;
    for (const p of parts) {
      if (full() || p.leader < 0) continue;
      const w = watermarkOf(wm, topic, p.partition);
      if (!w) continue;
      await readRange(p, w.low, w.high, async (rs) => {
        const choice = await decodingFor(clients.config, rs, req, topic);
        const kept = await filter!.keep(rs, choice);
        out.push(...kept.slice(0, max - out.length).map((k) => k.record));
        return !full();
      });
    }
  } finally {
    filter?.close();
  }
  return out;
}

function headerText(raw: RawRecord, name: string): string | null {
  const v = raw.headers?.[name];
  const last = Array.isArray(v) ? v[v.length - 1] : v;
  return last === null || last === undefined ? null : Buffer.from(last).toString('utf8');
}

/** Where each record goes, and which are skipped; the same for the preview and the replay. */
async function plan(source: ClusterClients, target: ClusterClients, t: TopicMeta, req: ReplayRequest, read: LaneLease['run']): Promise<Plan> {
  const max = currentConsoleConfig().streams.replayMaxRecords;
  const skipped: ReplayPlan['skipped'] = [];
  const records = await read((cluster) => selectRecords(source, cluster, t, req, max, skipped));
  const targets = new Map<string, TopicMeta | null>();
  const targetTopic = async (name: string) => {
    if (!targets.has(name)) targets.set(name, await requireTopic(target, name).catch(() => null));
    return targets.get(name)!;
  };
  const partitioner = Partitioners.DefaultPartitioner();
  const planned: Planned[] = [];
  for (const r of records) {
    const skip = (reason: string) => skipped.push({ partition: r.partition, offset: r.offset.toString(), reason });
    if (!r.raw) {
      skip(r.error ?? 'undecodable record');
      continue;
    }
    const name = req.target.dlqHeader !== undefined ? headerText(r.raw, req.target.dlqHeader) : req.target.topic!;
    if (name === null || name === '') {
      skip(`no header "${req.target.dlqHeader}" naming a topic`);
      continue;
    }
    const tt = await targetTopic(name);
    if (!tt) {
      skip(`topic "${name}" does not exist on cluster "${target.name}"`);
      continue;
    }
    let partition: number;
    if (req.partitioning === 'same') partition = r.partition;
    else if (req.partitioning === 'fixed') partition = req.fixedPartition!;
    else {
      const key = req.keepKey ? r.raw.key : null;
      partition = partitioner({ topic: name, partitionMetadata: tt.partitions.map((p) => ({ partitionId: p.partition, leader: p.leader, replicas: [], isr: [], partitionErrorCode: 0 })), message: { key, value: r.raw.value } });
    }
    if (!tt.partitions.some((p) => p.partition === partition)) {
      skip(`topic "${name}" has no partition ${partition}`);
      continue;
    }
    planned.push({ record: r as Planned['record'], topic: name, partition });
  }
  const counts = new Map<string, { topic: string; partition: number; records: number }>();
  for (const p of planned) {
    const k = `${p.topic}\u0000${p.partition}`;
    const c = counts.get(k) ?? { topic: p.topic, partition: p.partition, records: 0 };
    c.records++;
    counts.set(k, c);
  }
  return {
    planned,
    dto: {
      cluster: target.name,
      selected: records.length,
      toProduce: planned.length,
      skipped: skipped.slice(0, 1_000),
      destinations: [...counts.values()].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
      sample: planned.slice(0, SAMPLE).map((p) => ({
        partition: p.record.partition,
        offset: p.record.offset.toString(),
        key: p.record.raw.key ? Buffer.from(p.record.raw.key).toString('utf8') : null,
        topic: p.topic,
        targetPartition: p.partition,
      })),
    },
  };
}

/** The preview: what a replay would do, doing nothing. */
export async function previewReplay(source: ClusterClients, target: ClusterClients, topic: string, req: ReplayRequest): Promise<ReplayPlan> {
  if (req.select.kind === 'filter') checkFilter(req.select.filter);
  const t = await requireTopic(source, topic);
  return (await plan(source, target, t, req, (fn) => source.lanes.long.run(fn))).dto;
}

/** The replay: the plan, then progress while producing, then a summary of where records landed. */
export async function runReplay(source: ClusterClients, target: ClusterClients, topic: string, req: ReplayRequest, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  if (req.select.kind === 'filter') checkFilter(req.select.filter);
  const t = await requireTopic(source, topic);
  // The place in the long-work lane is held from the plan to the summary (a 429 before the stream).
  const lease = await source.lanes.long.reserve();
  let planned: Planned[];
  let dto: ReplayPlan;
  try {
    ({ dto, planned } = await plan(source, target, t, req, lease.run));
  } catch (err) {
    lease.release();
    throw err;
  }
  return eventStream<ReplayEvent>(
    'ndjson',
    signal,
    async (sink) => {
      sink.emit({ type: 'plan', plan: dto });
      const written = new Map<string, { topic: string; partition: number; first: bigint; last: bigint; records: number }>();
      let produced = 0;
      const producer = target.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, retry: { retries: 3 } });
      try {
        await producer.connect();
        for (let i = 0; i < planned.length && !sink.signal.aborted; i += PRODUCE_BATCH) {
          const batch = planned.slice(i, i + PRODUCE_BATCH);
          const byTopic = new Map<string, Planned[]>();
          for (const p of batch) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p]);
          const result = await producer.sendBatch({
            acks: -1,
            timeout: target.timeouts.requestMs,
            topicMessages: [...byTopic].map(([name, ps]) => ({
              topic: name,
              messages: ps.map((p) => ({
                key: req.keepKey ? (p.record.raw.key ?? null) : null,
                value: p.record.raw.value ?? null,
                ...(req.keepHeaders && p.record.raw.headers && { headers: p.record.raw.headers as Record<string, Buffer | Buffer[]> }),
                partition: p.partition,
              })),
            })),
          });
          for (const [name, ps] of byTopic) {
            const perPartition = new Map<number, number>();
            for (const p of ps) perPartition.set(p.partition, (perPartition.get(p.partition) ?? 0) + 1);
            for (const [partition, n] of perPartition) {
              const meta = result.find((m) => m.topicName === name && m.partition === partition);
              const base = BigInt(meta?.baseOffset ?? '-1');
              const k = `${name}\u0000${partition}`;
              const w = written.get(k) ?? { topic: name, partition, first: base, last: base, records: 0 };
              w.last = base + BigInt(n) - 1n;
              w.records += n;
              written.set(k, w);
            }
          }
          produced += batch.length;
          sink.emit({ type: 'progress', produced, total: planned.length });
          await sink.drained();
        }
        invalidate.watermarks(target.cache);
        sink.emit({
          type: 'done',
          produced,
          skipped: dto.skipped.length,
          written: [...written.values()].map((w) => ({ topic: w.topic, partition: w.partition, firstOffset: w.first.toString(), lastOffset: w.last.toString(), records: w.records })),
        });
      } catch (err) {
        sink.emit({ type: 'error', title: 'Replay stopped', detail: fromKafkaError(err)?.detail ?? (err as Error).message, produced });
      } finally {
        await producer.disconnect().catch(() => undefined);
      }
    },
    () => lease.release(),
  );
}
