// Consumer groups wired to the cluster: one GroupCoordinator per broker process, made durable through
// `__consumer_offsets`, and the rule for which node coordinates a group — the leader of partition
// `partitionForGroup(group, n)`, as in Kafka. The offsets topic is created (and replayed, after a
// restart) on the first group request, the moment Kafka creates it too; handlers `await ready` first.
import type { Cluster } from '../cluster/cluster';
import { GroupCoordinator } from '../coordinator';
import type { BrokerRuntime, BrokerService, HandlerContext } from '../handlers/types';
import { ErrorCode } from '../../common/kafka-error-codes';
import { ensureOffsetsTopic, OFFSETS_TOPIC, OffsetsLog } from './offsets-log';
import { groupSettings } from './settings';

export type CoordinatorLookup =
  | { ok: true; nodeId: number; partition: number }
  | { ok: false; errorCode: number; partition: number };

export class GroupsService implements BrokerService {
  readonly coordinator: GroupCoordinator;
  /** Settles once the offsets topic exists and its records are loaded. */
  readonly ready: Promise<void>;
  private offsets: OffsetsLog | null = null;

  constructor(private readonly cluster: Cluster, runtime: BrokerRuntime) {
    const settings = groupSettings(runtime.settings);
    this.coordinator = new GroupCoordinator({
      backend: { append: (records) => this.requireOffsets().append(records) },
      initialRebalanceDelayMs: settings.initialRebalanceDelayMs,
      minSessionTimeoutMs: settings.minSessionTimeoutMs,
      maxSessionTimeoutMs: settings.maxSessionTimeoutMs,
      log: runtime.log,
    });
    this.ready = this.open(settings.offsetsTopicPartitions, settings.offsetsTopicReplicationFactor);
    // A failure surfaces through every handler's `await ready`; do not leave it unhandled meanwhile.
    this.ready.catch((err: unknown) => runtime.log(`consumer groups unavailable: ${(err as Error).message}`));
  }

  /** Which node coordinates `groupId` (call after `ready`). */
  lookup(groupId: string): CoordinatorLookup {
    const offsets = this.requireOffsets();
    const p = offsets.partitionOf(groupId);
    const leader = this.cluster.leaderOf(p);
    if (leader < 0) return { ok: false, errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, partition: p.index };
    return { ok: true, nodeId: leader, partition: p.index };
  }

  /** NONE when the node serving `ctx` coordinates `groupId`; else NOT_COORDINATOR or COORDINATOR_NOT_AVAILABLE. */
  check(ctx: HandlerContext, groupId: string): number {
    const found = this.lookup(groupId);
    if (!found.ok) return found.errorCode;
    return found.nodeId === ctx.nodeId ? ErrorCode.NONE : ErrorCode.NOT_COORDINATOR;
  }

  close(): void {
    this.coordinator.close();
  }

  private async open(partitions: number, replicationFactor: number): Promise<void> {
    const topic = await ensureOffsetsTopic(this.cluster, partitions, replicationFactor);
    const offsets = new OffsetsLog(this.cluster, topic);
    this.coordinator.load(offsets.replay());
    this.offsets = offsets;
  }

  private requireOffsets(): OffsetsLog {
    if (!this.offsets) throw new Error('__consumer_offsets is not loaded yet');
    return this.offsets;
  }
}

/** The broker's groups service, created (with the offsets topic) on first use. */
export async function groupsOf(runtime: BrokerRuntime): Promise<GroupsService> {
  const service = runtime.service('groups', (rt) => new GroupsService(rt.cluster, rt));
  await service.ready;
  return service;
}

/** Kafka's client host notation ("/127.0.0.1") from a connection's "address:port". */
export function clientHost(remote: string): string {
  const i = remote.lastIndexOf(':');
  const address = i > 0 ? remote.slice(0, i) : remote;
  return `/${address.replace(/^::ffff:/, '')}`;
}

/** DeleteTopics' follow-up: every group forgets its committed offsets of `topic` (durably). */
export async function dropTopicOffsets(runtime: BrokerRuntime, topic: string): Promise<void> {
  if (!runtime.cluster.topic(OFFSETS_TOPIC)) return; // no offsets topic, so no committed offsets
  const groups = await groupsOf(runtime);
  groups.coordinator.deleteTopicOffsets(topic);
}
