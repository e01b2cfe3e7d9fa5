// Which node coordinates a group, over the wire: the leader of `__consumer_offsets` partition
// partitionForGroup(group, n). Other nodes answer NOT_COORDINATOR; with that partition leaderless
// (its only replica stopped) FindCoordinator answers COORDINATOR_NOT_AVAILABLE.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partitionForGroup } from '../../lib/broker/coordinator';
import { ApiKey, type FindCoordinatorResponse, type HeartbeatResponse } from '../../lib/broker/protocol';
import { ErrorCode } from '../../lib/common/kafka-error-codes';
import { RawClient, startTestBroker, type TestBroker } from '../broker/helpers';

let broker: TestBroker;

beforeAll(async () => {
  broker = await startTestBroker({ nodes: 3, settings: { offsetsTopicPartitions: 7, offsetsTopicReplicationFactor: 1 } });
});
afterAll(async () => {
  await broker?.close();
});

const portOf = (id: number) => broker.nodes.find((n) => n.id === id)!.port;

describe('group coordinator placement', () => {
  it('names the leader of the group\'s offsets partition; others say NOT_COORDINATOR; leaderless is COORDINATOR_NOT_AVAILABLE', async () => {
    const group = 'placed-group';
    const found = await RawClient.callOnce<FindCoordinatorResponse>(portOf(0), ApiKey.FindCoordinator, 1, { key: group, keyType: 0 });
    expect(found.errorCode).toBe(ErrorCode.NONE);
    const partition = broker.cluster.partition('__consumer_offsets', partitionForGroup(group, 7))!;
    expect(broker.cluster.topic('__consumer_offsets')!.internal).toBe(true);
    expect(found.nodeId).toBe(broker.cluster.leaderOf(partition));
    expect(found.port).toBe(portOf(found.nodeId!));

    const heartbeat = { groupId: group, generationId: 1, memberId: 'nobody' };
    const other = broker.nodes.find((n) => n.id !== found.nodeId)!;
    const elsewhere = await RawClient.callOnce<HeartbeatResponse>(other.port, ApiKey.Heartbeat, 1, heartbeat);
    expect(elsewhere.errorCode).toBe(ErrorCode.NOT_COORDINATOR);
    const there = await RawClient.callOnce<HeartbeatResponse>(found.port!, ApiKey.Heartbeat, 1, heartbeat);
    expect(there.errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);

    await broker.stopNode(found.nodeId!);
    const down = await RawClient.callOnce<FindCoordinatorResponse>(other.port, ApiKey.FindCoordinator, 1, { key: group, keyType: 0 });
    expect(down.errorCode).toBe(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    await broker.startNode(found.nodeId!);
    const back = await RawClient.callOnce<FindCoordinatorResponse>(other.port, ApiKey.FindCoordinator, 1, { key: group, keyType: 0 });
    expect(back).toMatchObject({ errorCode: ErrorCode.NONE, nodeId: found.nodeId });
  });
});
