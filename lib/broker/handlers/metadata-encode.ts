// Metadata answers written straight into bytes (v0-4, the versions the handler serves). The
// schema-driven codec first needs a response object per partition (with an ISR and an offline list
// each) and then walks the schema for every field: at 200,000 partitions that took about a second
// per request, every console refresh asks for every topic, and a lag sort names 10,000 topics.
// Here each partition's fields go from the cluster state into one buffer sized in advance; the
// bytes are exactly what the codec writes for the same answer (metadata-encode.test.ts decodes and
// re-encodes them with the codec).
// Field layouts from Kafka's MetadataResponse.json: v1 adds the rack, the controller id and
// is_internal; v2 the cluster id; v3 the throttle time first; v4 is v3 on the wire.
import type { Cluster, TopicState } from '../cluster/cluster';
import { ErrorCode } from '../../common/kafka-error-codes';

/** The newest Metadata version the broker serves (the handler's range ends here). */
export const METADATA_MAX_VERSION = 4;

interface Broker {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

/** A named topic answered with an error and no partitions (unknown, illegal, not authorized). */
export interface MissingTopic {
  name: string;
  errorCode: number;
}

const strLen = (s: string | null) => 2 + (s === null ? 0 : Buffer.byteLength(s, 'utf8'));
const isMissing = (t: TopicState | MissingTopic): t is MissingTopic => !('partitions' in t);

/** The response body (no header) for `version` 0-4, listing `topics` in order. */
export function encodeMetadata(version: number, cluster: Cluster, brokers: readonly Broker[], topics: readonly (TopicState | MissingTopic)[]): Buffer {
  if (version > METADATA_MAX_VERSION) throw new Error(`Metadata v${version} is not written by hand`);
  const clusterId = cluster.clusterId;
  // Replica ids are per node; each node's liveness is read once, not once per replica.
  const up = new Map<number, boolean>();
  const isUp = (id: number) => {
    let u = up.get(id);
    if (u === undefined) up.set(id, (u = cluster.isUp(id)));
    return u;
  };
  let size = (version >= 3 ? 4 : 0) + 4;
  for (const b of brokers) size += 4 + strLen(b.host) + 4 + (version >= 1 ? strLen(b.rack) : 0);
  if (version >= 2) size += strLen(clusterId);
  if (version >= 1) size += 4;
  size += 4;
  for (const t of topics) {
    size += 2 + strLen(t.name) + (version >= 1 ? 1 : 0) + 4;
    if (isMissing(t)) continue;
    for (const p of t.partitions) {
      let isr = 0;
      for (const r of p.replicas) if (isUp(r)) isr++;
      size += 2 + 4 + 4 + 4 + 4 * p.replicas.length + 4 + 4 * isr;
    }
  }
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  const str = (s: string | null) => {
    if (s === null) {
      at = out.writeInt16BE(-1, at);
      return;
    }
    const len = out.write(s, at + 2, 'utf8');
    out.writeInt16BE(len, at);
    at += 2 + len;
  };
  if (version >= 3) at = out.writeInt32BE(0, at);
  at = out.writeInt32BE(brokers.length, at);
  for (const b of brokers) {
    at = out.writeInt32BE(b.nodeId, at);
    str(b.host);
    at = out.writeInt32BE(b.port, at);
    if (version >= 1) str(b.rack);
  }
  if (version >= 2) str(clusterId);
  if (version >= 1) at = out.writeInt32BE(cluster.controllerId, at);
  at = out.writeInt32BE(topics.length, at);
  for (const t of topics) {
    if (isMissing(t)) {
      at = out.writeInt16BE(t.errorCode, at);
      str(t.name);
      if (version >= 1) at = out.writeInt8(0, at);
      at = out.writeInt32BE(0, at);
      continue;
    }
    at = out.writeInt16BE(ErrorCode.NONE, at);
    str(t.name);
    if (version >= 1) at = out.writeInt8(t.internal ? 1 : 0, at);
    at = out.writeInt32BE(t.partitions.length, at);
    for (const p of t.partitions) {
      const leaderId = cluster.leaderOf(p);
      at = out.writeInt16BE(leaderId < 0 ? ErrorCode.LEADER_NOT_AVAILABLE : ErrorCode.NONE, at);
      at = out.writeInt32BE(p.index, at);
      at = out.writeInt32BE(leaderId, at);
      at = out.writeInt32BE(p.replicas.length, at);
      for (const r of p.replicas) at = out.writeInt32BE(r, at);
      const isrAt = at;
      at += 4;
      let isr = 0;
      for (const r of p.replicas) {
        if (!isUp(r)) continue;
        at = out.writeInt32BE(r, at);
        isr++;
      }
      out.writeInt32BE(isr, isrAt);
    }
  }
  if (at !== size) throw new Error(`Metadata: wrote ${at} bytes of ${size}`);
  return out;
}
