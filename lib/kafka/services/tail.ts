// The live tail: new records of one partition or all, streamed as they arrive. It starts at each
// partition's end, then long-polls each partition leader (one Fetch held open by the broker for up
// to a second: see reading/long-poll.ts), decodes what arrives with the one decode step, keeps what
// passes the request's filter, and sends it on. It runs in the cluster's tail lane (a budget of
// KAFSCOPE_MAX_TAILS, 429 beyond), taken before the stream answers 200. When the client goes away
// the poll in flight ends within its wait (at most a second), nothing further is fetched, and the
// lane's place is given back. A reader that falls behind slows the polling down (event-stream.ts).
import 'server-only';
import type { TailEvent, TailQuery } from '../../schemas/streams';
import type { ClusterClients } from '../connection/clients';
import type { RawCluster } from '../connection/kafkajs-types';
import { invalidate } from '../connection/cache-keys';
import { fromKafkaError } from '../errors';
import { checkFilter, RecordFilter } from '../filtering/record-filter';
import { decodingFor } from '../formats/record-decoding';
import { longPoll } from '../reading/long-poll';
import type { Masker } from '../../decode/masking';
import { PayloadBudget, toMessage } from '../reading/message-dto';
import { requirePartition, requireTopic, type PartitionMeta } from '../reading/metadata';
import { brokerOn } from '../reading/reader-broker';
import { getWatermarks, watermarkOf } from '../reading/watermarks';
import { eventStream, type Framing } from '../streams/event-stream';

/** How long the broker holds a poll open; also the longest a closed tab keeps a fetch running. */
export const TAIL_WAIT_MS = 1_000;
const STATS_MS = 1_000;
/** Messages per event at most. */
const EVENT_MESSAGES = 100;
/** Tail rows show previews; opening a message reads it whole. */
const TAIL_PAYLOAD_BUDGET = 0;

/** `mask`: applied to every message before it leaves (lib/decode/masking.ts); null: none. */
export async function tailMessages(clients: ClusterClients, topic: string, q: TailQuery, framing: Framing, signal: AbortSignal, mask: Masker | null = null): Promise<ReadableStream<Uint8Array>> {
  const compiled = checkFilter(q.filter);
  const t = await requireTopic(clients, topic);
  const parts = (q.partition !== undefined ? [requirePartition(t, q.partition)] : t.partitions).filter((p) => p.leader >= 0);
  invalidate.watermarks(clients.cache);
  const wm = await getWatermarks(clients, parts.map((p) => ({ topic, partition: p.partition })));
  const positions = new Map<number, bigint>(parts.map((p) => [p.partition, watermarkOf(wm, topic, p.partition)?.high ?? 0n]));
  // The place in the lane is taken before the 200: a tail beyond the budget is a 429 saying so.
  const lease = await clients.lanes.tail.reserve();
  const filter = RecordFilter.open(compiled);
  let received = 0;
  let matched = 0;
  let sampledOut = 0;
  // At most q.maxRate messages sent per second: the newest of each fetch are kept.
  let windowStart = 0;
  let sentInWindow = 0;
  const allowance = (n: number) => {
    const now = Date.now();
    if (now - windowStart >= 1_000) {
      windowStart = now;
      sentInWindow = 0;
    }
    const ok = Math.min(n, q.maxRate - sentInWindow);
    sentInWindow += ok;
    return ok;
  };

  return eventStream<TailEvent>(
    framing,
    signal,
    async (sink) => {
      const stats = () =>
        sink.emit({ type: 'stats', received, matched, filterErrors: filter?.errors ?? 0, firstFilterError: filter?.firstError ?? null, sampledOut });
      sink.emit({ type: 'start', partitions: [...positions].map(([partition, offset]) => ({ partition, offset: offset.toString() })) });
      const timer = setInterval(stats, STATS_MS);
      // Each leader's partitions are polled in turn by one loop; loops take turns decoding and
      // filtering (one filter worker per request).
      let turn = Promise.resolve();
      /** The first failure of any loop, which ends them all. */
      let failure: unknown = null;
      const follow = async (cluster: RawCluster, leader: number, mine: PartitionMeta[]) => {
        const broker = await brokerOn(cluster, leader);
        const own = new Map(mine.map((p) => [p.partition, positions.get(p.partition)!]));
        while (!sink.signal.aborted && !failure) {
          await sink.drained();
          if (sink.signal.aborted || failure) break;
          const r = await longPoll(broker, topic, own, TAIL_WAIT_MS);
          if (r.outOfRange) {
            // The log moved under the tail (deleted records): carry on from each end.
            invalidate.watermarks(clients.cache);
            const now = await getWatermarks(clients, mine.map((p) => ({ topic, partition: p.partition })));
            for (const p of mine) own.set(p.partition, watermarkOf(now, topic, p.partition)?.high ?? own.get(p.partition)!);
            continue;
          }
          if (r.records.length === 0 || sink.signal.aborted) continue;
          const work = turn.then(async () => {
            received += r.records.length;
            const choice = await decodingFor(clients.config, r.records, q, topic);
            filter?.resetRequestBudget();
            let kept = filter ? await filter.keep(r.records, choice) : r.records.map((record) => ({ record, decided: {} }));
            matched += kept.length;
            const sendable = allowance(kept.length);
            sampledOut += kept.length - sendable;
            kept = kept.slice(kept.length - sendable);
            if (kept.length === 0) return;
            const budget = new PayloadBudget(TAIL_PAYLOAD_BUDGET);
            // Small events, so a browser reads a burst in short steps.
            for (let i = 0; i < kept.length; i += EVENT_MESSAGES) {
              sink.emit({ type: 'messages', messages: kept.slice(i, i + EVENT_MESSAGES).map((k) => {
                const m = toMessage(k.record, budget, choice, k.decided);
                return mask ? mask(m) : m;
              }) });
            }
          });
          turn = work.catch(() => undefined);
          await work;
        }
      };
      const byLeader = new Map<number, PartitionMeta[]>();
      for (const p of parts) byLeader.set(p.leader, [...(byLeader.get(p.leader) ?? []), p]);
      try {
        await lease.run((cluster) =>
          Promise.all(
            [...byLeader].map(([leader, mine]) =>
              follow(cluster, leader, mine).catch((err: unknown) => {
                failure ??= err;
              }),
            ),
          ),
        );
        if (failure) throw failure;
        sink.emit({ type: 'done', reason: 'cancelled' });
      } catch (err) {
        const known = fromKafkaError(err);
        stats();
        sink.emit({ type: 'error', title: 'Live tail stopped', detail: known?.detail ?? (err as Error).message });
        sink.emit({ type: 'done', reason: 'error' });
      } finally {
        clearInterval(timer);
      }
    },
    () => {
      filter?.close();
      lease.release();
    },
  );
}
