// Idempotent producers: kafkajs with `idempotent: true` gets a producer id and produces; a batch
// re-sent by hand (as a producer retrying after a lost answer would) returns its original offset
// without a second copy; a sequence gap is OUT_OF_ORDER_SEQUENCE_NUMBER; producer ids are never
// handed out twice, even across a restart.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiKey, type InitProducerIdResponse, type ProduceResponse } from '../../lib/broker/protocol';
import { ErrorCode } from '../../lib/common/kafka-error-codes';
import { buildRecordBatch } from '../../lib/broker/records/build';
import { RawClient, startTestBroker, tempDir } from '../broker/helpers';
import { kafkaFor } from './helpers';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

const initProducerId = (client: RawClient) =>
  client.call<InitProducerIdResponse>(ApiKey.InitProducerId, 1, { transactionalId: null, transactionTimeoutMs: 60_000 });

async function produce(client: RawClient, topic: string, batch: Buffer) {
  const res = await client.call<ProduceResponse>(ApiKey.Produce, 7, {
    transactionalId: null,
    acks: -1,
    timeoutMs: 5000,
    topicData: [{ name: topic, partitionData: [{ index: 0, records: batch }] }],
  });
  return res.responses[0]!.partitionResponses[0]!;
}

describe('idempotent producers', () => {
  it('kafkajs idempotent producer, duplicate re-send, sequence gap', async () => {
    const broker = await startTestBroker();
    cleanups.push(() => broker.close());
    const kafka = kafkaFor(broker);
    const admin = kafka.admin();
    await admin.connect();
    cleanups.push(() => admin.disconnect());
    await admin.createTopics({ topics: [{ topic: 'exactly', numPartitions: 1 }] });

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    for (let i = 0; i < 3; i++) await producer.send({ topic: 'exactly', messages: [{ value: `kafkajs-${i}` }] });
    await producer.disconnect();

    const client = await RawClient.connect(broker.nodes[0]!.port);
    cleanups.push(() => client.close());
    const init = await initProducerId(client);
    expect(init).toMatchObject({ errorCode: ErrorCode.NONE, producerEpoch: 0 });
    const pid = init.producerId;
    expect(pid).toBeGreaterThanOrEqual(0n);

    const batch = (seq: number, values: string[]) =>
      buildRecordBatch(values.map((v) => ({ key: null, value: Buffer.from(v) })), { producerId: pid, producerEpoch: 0, baseSequence: seq });
    const first = await produce(client, 'exactly', batch(0, ['a', 'b']));
    expect(first).toMatchObject({ errorCode: ErrorCode.NONE, baseOffset: 3n });
    const again = await produce(client, 'exactly', batch(0, ['a', 'b']));
    expect(again).toMatchObject({ errorCode: ErrorCode.NONE, baseOffset: 3n });
    const next = await produce(client, 'exactly', batch(2, ['c']));
    expect(next).toMatchObject({ errorCode: ErrorCode.NONE, baseOffset: 5n });
    const gap = await produce(client, 'exactly', batch(7, ['z']));
    expect(gap.errorCode).toBe(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);

    const offsets = await admin.fetchTopicOffsets('exactly');
    expect(offsets[0]!.high).toBe('6');

    const refused = await client.call<InitProducerIdResponse>(ApiKey.InitProducerId, 1, { transactionalId: 'tx-1', transactionTimeoutMs: 60_000 });
    expect(refused.errorCode).toBe(ErrorCode.INVALID_REQUEST);
  });

  it('never hands out a producer id twice, across restarts', async () => {
    const dir = tempDir('producer-ids');
    cleanups.push(dir.remove);
    const ids: bigint[] = [];
    for (let run = 0; run < 2; run++) {
      const broker = await startTestBroker({ dataDir: dir.dir });
      const client = await RawClient.connect(broker.nodes[0]!.port);
      for (let i = 0; i < 3; i++) ids.push((await initProducerId(client)).producerId);
      client.close();
      await broker.close();
    }
    expect(new Set(ids).size).toBe(6);
    expect(ids.slice(3).every((id) => id > ids[2]!)).toBe(true);
  });
});
