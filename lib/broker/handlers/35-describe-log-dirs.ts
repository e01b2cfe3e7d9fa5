// DescribeLogDirs: v0-1
//
// Behavior:
// * The node answers for itself: one log dir (the broker's data directory, absolute; "(in-memory)"
//   when the broker keeps everything in memory) listing every partition that has a replica on this
//   node, or only the requested topics' partitions (topics null = all); requested partitions the
//   node does not host are left out, as Kafka does.
// * partitionSize is the bytes of the partition's segment files (the sum of its .log files, as
//   Kafka reports a log's size; in memory, the bytes held). All replicas share one copy of the data,
//   so every replica reports the same size, with offsetLag 0 and isFutureKey false.
// * With an authorizer, the principal needs DESCRIBE on the CLUSTER; otherwise the answer lists no
//   log dirs (v0-1 have no top-level error code).
// * v1 is v0 (throttling answered first).
import { AclOperation, AclResourceType, CLUSTER_RESOURCE_NAME } from '../acl';
import type { PartitionState } from '../cluster/cluster';
import { ApiKey, type DescribeLogDirsRequest, type DescribeLogDirsResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { defineHandler, type HandlerContext } from './types';

type LogDirTopic = DescribeLogDirsResponse['results'][number]['topics'][number];

export const IN_MEMORY_LOG_DIR = '(in-memory)';

export default defineHandler<DescribeLogDirsRequest, DescribeLogDirsResponse>({
  key: ApiKey.DescribeLogDirs,
  min: 0,
  max: 1,
  handle(req, ctx) {
    if (!ctx.access.allows(AclOperation.DESCRIBE, AclResourceType.CLUSTER, CLUSTER_RESOURCE_NAME)) return { throttleTimeMs: 0, results: [] };
    return {
      throttleTimeMs: 0,
      results: [{ errorCode: ErrorCode.NONE, logDir: ctx.cluster.options.logDir ?? IN_MEMORY_LOG_DIR, topics: hostedTopics(ctx, req.topics) }],
    };
  },
});

function hostedTopics(ctx: HandlerContext, wanted: DescribeLogDirsRequest['topics']): LogDirTopic[] {
  const hosted = (p: PartitionState) => p.replicas.includes(ctx.nodeId);
  const describe = (name: string, partitions: PartitionState[]): LogDirTopic => ({
    name,
    partitions: partitions.map((p) => ({ partitionIndex: p.index, partitionSize: BigInt(p.log.size()), offsetLag: 0n, isFutureKey: false })),
  });
  const out: LogDirTopic[] = [];
  if (wanted === null) {
    for (const t of ctx.cluster.topics.values()) {
      const mine = t.partitions.filter(hosted);
      if (mine.length > 0) out.push(describe(t.name, mine));
    }
    return out;
  }
  for (const w of wanted) {
    const t = ctx.cluster.topic(w.topic);
    if (!t) continue;
    const mine = [...new Set(w.partitions)].map((i) => t.partitions[i]).filter((p): p is PartitionState => p !== undefined && hosted(p));
    if (mine.length > 0) out.push(describe(t.name, mine));
  }
  return out;
}
