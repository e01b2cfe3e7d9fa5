// Fetch: v4-11
//
// Behavior:
// * Returns stored batches as they are (never decompressed), starting with the batch that contains
//   the fetch offset; clients drop the records below the offset they asked for.
// * Size limits: each partition gets at most partitionMaxBytes and the response at most maxBytes,
//   except that the first partition with data always gets at least one whole batch, so a batch larger
//   than the limits can still be consumed (KIP-74).
// * Per partition: highWatermark, lastStableOffset (= high watermark: no open transactions),
//   logStartOffset (v5+), OFFSET_OUT_OF_RANGE below the log start or past the end,
//   UNKNOWN_TOPIC_OR_PARTITION, NOT_LEADER_OR_FOLLOWER / LEADER_NOT_AVAILABLE.
// * Long poll: with less than minBytes available and maxWaitMs > 0, waits on the requested
//   partitions' append events (not a timer loop) and answers as soon as minBytes are there, an error
//   appears, maxWaitMs passes, or the connection closes.
// * Catching up: the first Fetch on a connection that asks for a partition exactly at the high
//   watermark this connection was last sent with data for it (the consumer has just read to the
//   end) is answered at once, without the long poll. That empty answer is how clients learn they
//   reached the end of a partition (librdkafka's partition EOF, `kcat -e`), and Kafka would make
//   them wait maxWaitMs for it. It costs at most one extra round trip per data-bearing response,
//   never a busy loop: the Fetch after it long-polls as usual.
// * isolation_level 0 and 1 are both accepted; with no transactions they read the same data.
// * Fetch sessions (v7+) are not kept: sessionId 0 tells clients to send full requests every time.
// * preferredReadReplica (v11) is always -1.
// * With an authorizer: READ on the topic, else TOPIC_AUTHORIZATION_FAILED on its partitions (the
//   others are served as usual).
// * The stored batches are read into pooled buffers and answered as a BorrowedResponse: the
//   dispatcher sends them to the socket without copying them into one frame first, and the buffers
//   go back to the pool once the socket has written them.
import { ApiKey, type FetchRequest, type FetchResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { ReadBufferPool } from '../storage/read-buffers';
import { AclOperation, topicAllowed } from './authorize';
import { leaderPartition } from './leader-partition';
import { BorrowedResponse, defineHandler, type HandlerContext } from './types';

type TopicResponse = FetchResponse['responses'][number];
type PartitionResponse = TopicResponse['partitions'][number];

interface Collected {
  response: FetchResponse;
  bytes: number;
  hasError: boolean;
  /** The pooled buffers the records were read into. */
  lease: Lease;
}

const readBuffers = new ReadBufferPool();

/** The pooled buffers one response's records were read into. */
class Lease {
  private readonly taken: Buffer[] = [];
  readonly alloc = (n: number): Buffer => {
    const b = readBuffers.take(n);
    this.taken.push(b);
    return b;
  };
  /** Only once nothing references the buffers any more (the response was written or dropped). */
  release(): void {
    for (const b of this.taken) readBuffers.give(b);
    this.taken.length = 0;
  }
}

export default defineHandler<FetchRequest, FetchResponse>({
  key: ApiKey.Fetch,
  min: 4,
  max: 11,
  handle(req, ctx) {
    const send = ({ response, lease }: Collected) => new BorrowedResponse(response, () => lease.release());
    const denied = new Set<string>();
    for (const { topic } of req.topics) if (topic !== undefined && !topicAllowed(ctx, AclOperation.READ, topic)) denied.add(topic);
    const first = collect(req, ctx, denied);
    if (first.hasError || first.bytes >= req.minBytes || req.maxWaitMs <= 0) return send(first);
    first.lease.release();
    return longPoll(req, ctx, denied).then(send);
  },
});

function collect(req: FetchRequest, ctx: HandlerContext, denied: ReadonlySet<string>): Collected {
  const lease = new Lease();
  let budget = req.maxBytes ?? 0x7fffffff;
  let bytes = 0;
  let hasError = false;
  const readCommitted = req.isolationLevel === 1;
  const responses: TopicResponse[] = req.topics.map((t) => ({
    topic: t.topic,
    partitions: t.partitions.map((fp): PartitionResponse => {
      if (t.topic !== undefined && denied.has(t.topic)) {
        hasError = true;
        return empty(fp.partition, ErrorCode.TOPIC_AUTHORIZATION_FAILED, -1n, -1n);
      }
      const lookup = leaderPartition(ctx, t.topic, fp.partition);
      if (!lookup.ok) {
        hasError = true;
        return empty(fp.partition, lookup.errorCode, -1n, -1n);
      }
      const log = lookup.partition.log;
      const start = log.logStartOffset;
      const end = log.logEndOffset;
      if (fp.fetchOffset < start || fp.fetchOffset > end) {
        hasError = true;
        return empty(fp.partition, ErrorCode.OFFSET_OUT_OF_RANGE, end, start);
      }
      let records: Buffer | null = null;
      if (fp.fetchOffset < end && fp.partitionMaxBytes > 0 && budget > 0) {
        const limit = Math.min(fp.partitionMaxBytes, budget);
        const data = log.read(fp.fetchOffset, limit, lease.alloc);
        // Only the first partition with data may go past the limits (to make progress on a big batch).
        if (data.length > 0 && (bytes === 0 || data.length <= limit)) {
          records = data;
          bytes += data.length;
          budget -= data.length;
        }
      }
      return {
        partitionIndex: fp.partition,
        errorCode: ErrorCode.NONE,
        highWatermark: end,
        lastStableOffset: end,
        logStartOffset: start,
        abortedTransactions: readCommitted ? [] : null,
        preferredReadReplica: -1,
        records: records ?? Buffer.alloc(0),
      };
    }),
  }));
  return { response: { throttleTimeMs: 0, errorCode: ErrorCode.NONE, sessionId: 0, responses }, bytes, hasError, lease };
}

function empty(index: number, errorCode: number, hw: bigint, start: bigint): PartitionResponse {
  return {
    partitionIndex: index,
    errorCode,
    highWatermark: hw,
    lastStableOffset: hw,
    logStartOffset: start,
    abortedTransactions: null,
    preferredReadReplica: -1,
    records: Buffer.alloc(0),
  };
}

/** Waits for appends to the requested partitions until minBytes, maxWaitMs or the connection's end. */
function longPoll(req: FetchRequest, ctx: HandlerContext, denied: ReadonlySet<string>): Promise<Collected> {
  return new Promise((resolve) => {
    const cancels: (() => void)[] = [];
    let scheduled = false;
    let done = false;
    const finish = (ready?: Collected) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      ctx.conn.signal.removeEventListener('abort', onAbort);
      for (const c of cancels) c();
      resolve(ready ?? collect(req, ctx, denied));
    };
    const onAbort = () => finish();
    const subscribe = () => {
      for (const c of cancels) c();
      cancels.length = 0;
      for (const t of req.topics) {
        for (const fp of t.partitions) {
          const p = t.topic === undefined ? undefined : ctx.cluster.partition(t.topic, fp.partition);
          if (p) cancels.push(ctx.cluster.onAppend(p, onAppend));
        }
      }
    };
    // Appends come in bursts; look once per turn of the event loop, not once per batch.
    const onAppend = () => {
      if (scheduled || done) return;
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        if (done) return;
        const now = collect(req, ctx, denied);
        if (now.hasError || now.bytes >= req.minBytes) return finish(now);
        now.lease.release(); // not enough yet: nothing holds these buffers
        subscribe();
      });
    };
    const timer = setTimeout(onAbort, req.maxWaitMs);
    if (ctx.conn.signal.aborted) return finish();
    ctx.conn.signal.addEventListener('abort', onAbort);
    subscribe();
  });
}
