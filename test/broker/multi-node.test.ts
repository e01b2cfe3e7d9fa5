// Three logical nodes in one process: leaders spread across them, a request to a node that does not
// lead a partition is refused like Kafka refuses it, and stopping a node takes it out of metadata and
// leaves its partitions leaderless (RF 1) or led by the next replica (RF 2) until it comes back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey, type ProduceResponse } from '../../lib/broker/protocol';
import { ErrorCode } from '../../lib/common/kafka-error-codes';
import { buildRecordBatch } from '../../lib/broker/records/build';
import { RawClient, startTestBroker, type TestBroker } from './helpers';

let broker: TestBroker;

beforeAll(async () => {
  broker = await startTestBroker({ nodes: 3 });
  broker.cluster.createTopic({ name: 'spread', numPartitions: 6, replicationFactor: 1 });
  broker.cluster.createTopic({ name: 'mirrored', numPartitions: 3, replicationFactor: 2 });
});
afterAll(async () => {
  await broker?.close();
});

interface Meta {
  brokers: { nodeId: number; port: number }[];
  controllerId: number;
  topics: { name: string; errorCode: number; partitions: { partitionIndex: number; errorCode: number; leaderId: number; replicaNodes: number[]; isrNodes: number[] }[] }[];
}

async function metadata(nodeId: number): Promise<Meta> {
  return RawClient.callOnce<Meta>(broker.nodes[nodeId]!.port, ApiKey.Metadata, 4, { topics: null, allowAutoTopicCreation: false });
}

const topicOf = (m: Meta, name: string) => m.topics.find((t) => t.name === name)!.partitions.sort((a, b) => a.partitionIndex - b.partitionIndex);

describe('three nodes', () => {
  it('spreads leaders and names the lowest node controller', async () => {
    const m = await metadata(1);
    expect(m.brokers.map((b) => b.nodeId).sort()).toEqual([0, 1, 2]);
    expect(m.controllerId).toBe(0);
    const leaders = topicOf(m, 'spread').map((p) => p.leaderId);
    expect([0, 1, 2].map((n) => leaders.filter((l) => l === n).length)).toEqual([2, 2, 2]);
  });

  it('answers NOT_LEADER_OR_FOLLOWER from a node that does not lead the partition', async () => {
    const p0 = broker.cluster.partition('spread', 0)!;
    const leader = broker.cluster.leaderOf(p0);
    const other = (leader + 1) % 3;
    const res = await RawClient.callOnce<ProduceResponse>(broker.nodes[other]!.port, ApiKey.Produce, 7, {
      transactionalId: null,
      acks: 1,
      timeoutMs: 1000,
      topicData: [{ name: 'spread', partitionData: [{ index: 0, records: buildRecordBatch([{ key: null, value: Buffer.from('x') }]) }] }],
    });
    expect(res.responses[0]!.partitionResponses[0]!.errorCode).toBe(ErrorCode.NOT_LEADER_OR_FOLLOWER);
  });

  it('stopping a node removes it and its leadership; starting it restores both', async () => {
    await broker.stopNode(1);
    expect(broker.nodes.find((n) => n.id === 1)!.up).toBe(false);
    const down = await metadata(0);
    expect(down.brokers.map((b) => b.nodeId).sort()).toEqual([0, 2]);
    for (const p of topicOf(down, 'spread')) {
      if (p.replicaNodes[0] === 1) {
        expect(p.leaderId).toBe(-1);
        expect(p.errorCode).toBe(ErrorCode.LEADER_NOT_AVAILABLE);
        expect(p.isrNodes).toEqual([]);
      } else {
        expect(p.leaderId).toBe(p.replicaNodes[0]);
      }
    }
    for (const p of topicOf(down, 'mirrored')) {
      expect(p.leaderId).not.toBe(1);
      expect(p.leaderId).toBeGreaterThanOrEqual(0);
      expect(p.isrNodes).not.toContain(1);
      expect(p.isrNodes).toHaveLength(p.replicaNodes.includes(1) ? 1 : 2);
    }
    await expect(RawClient.connect(broker.nodes[1]!.port)).rejects.toThrow();

    await broker.startNode(1);
    const up = await metadata(1);
    expect(up.brokers.map((b) => b.nodeId).sort()).toEqual([0, 1, 2]);
    for (const p of [...topicOf(up, 'spread'), ...topicOf(up, 'mirrored')]) {
      expect(p.leaderId).toBe(p.replicaNodes[0]);
      expect(p.isrNodes.sort()).toEqual([...p.replicaNodes].sort());
    }
  });

  it('moves the controller when node 0 stops', async () => {
    await broker.stopNode(0);
    expect((await metadata(2)).controllerId).toBe(1);
    await broker.startNode(0);
    expect((await metadata(2)).controllerId).toBe(0);
  });
});
