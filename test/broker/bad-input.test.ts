// Hostile and broken input over real TCP: a garbage frame, a truncated frame, an oversized length
// prefix and a request for an API we do not serve each close that one connection (with a log line);
// a batch with a wrong CRC is answered with CORRUPT_MESSAGE on a connection that stays open. Through
// all of it a second client keeps being served and what was stored stays intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey, decodeResponse, encodeRequest, type ProduceResponse } from '../../lib/broker/protocol';
import { ErrorCode } from '../../lib/common/kafka-error-codes';
import { CRC } from '../../lib/broker/records/batch-header';
import { buildRecordBatch } from '../../lib/broker/records/build';
import { RawClient, startTestBroker, type TestBroker } from './helpers';

let broker: TestBroker;
let port: number;
let correlation = 1;

beforeAll(async () => {
  broker = await startTestBroker({ maxFrameBytes: 1024 * 1024 });
  port = broker.nodes[0]!.port;
  broker.cluster.createTopic({ name: 'safe', numPartitions: 1, replicationFactor: 1 });
});
afterAll(async () => {
  await broker?.close();
});

const produceBody = (batch: Buffer) => ({
  transactionalId: null,
  acks: -1,
  timeoutMs: 1000,
  topicData: [{ name: 'safe', partitionData: [{ index: 0, records: batch }] }],
});

function produceFrame(batch: Buffer, version = 7): { frame: Buffer } {
  return { frame: encodeRequest(ApiKey.Produce, version, correlation++, 'bad-input-test', produceBody(batch)) };
}

async function produce(client: RawClient, batch: Buffer) {
  const res = await client.call<ProduceResponse>(ApiKey.Produce, 7, produceBody(batch));
  return res.responses[0]!.partitionResponses[0]!;
}

const goodBatch = (text: string) => buildRecordBatch([{ key: null, value: Buffer.from(text) }]);

/** The healthy second client: a produce that must succeed at the expected offset. */
async function healthyProduce(expectedOffset: bigint) {
  const client = await RawClient.connect(port);
  try {
    const r = await produce(client, goodBatch(`ok-${expectedOffset}`));
    expect(r.errorCode).toBe(ErrorCode.NONE);
    expect(r.baseOffset).toBe(expectedOffset);
  } finally {
    client.close();
  }
}

async function expectClosedAfter(bytes: Buffer) {
  const client = await RawClient.connect(port);
  const before = broker.logs.length;
  client.write(bytes);
  await client.closed;
  expect(broker.logs.slice(before).some((l) => l.includes('closed'))).toBe(true);
}

describe('bad input', () => {
  it('keeps serving a second client through garbage, truncation, oversize and unknown APIs', async () => {
    await healthyProduce(0n);
    // Garbage: a well-sized frame whose header names no API.
    const garbage = Buffer.alloc(4 + 20, 0xff);
    garbage.writeInt32BE(20, 0);
    await expectClosedAfter(garbage);
    await healthyProduce(1n);
    // Truncated: a valid Produce frame cut short inside its body, with a size prefix that matches.
    const { frame } = produceFrame(goodBatch('cut'));
    const cut = Buffer.from(frame.subarray(0, frame.length - 30));
    cut.writeInt32BE(cut.length - 4, 0);
    await expectClosedAfter(cut);
    await healthyProduce(2n);
    // Oversized length prefix: 2 GiB announced, the configured maximum is 1 MiB.
    const huge = Buffer.alloc(8);
    huge.writeInt32BE(0x7fffffff, 0);
    await expectClosedAfter(huge);
    await healthyProduce(3n);
    // An API version no handler serves.
    await expectClosedAfter(produceFrame(goodBatch('new'), 8).frame);
    await healthyProduce(4n);
  });

  it('answers a wrong CRC with CORRUPT_MESSAGE and keeps the connection', async () => {
    const client = await RawClient.connect(port);
    try {
      const end = broker.cluster.partition('safe', 0)!.log.logEndOffset;
      const bad = goodBatch('flipped');
      bad.writeUInt32BE((bad.readUInt32BE(CRC) ^ 0xdeadbeef) >>> 0, CRC);
      expect((await produce(client, bad)).errorCode).toBe(ErrorCode.CORRUPT_MESSAGE);
      const again = await produce(client, goodBatch('after'));
      expect(again.errorCode).toBe(ErrorCode.NONE);
      expect(again.baseOffset).toBe(BigInt(end));
    } finally {
      client.close();
    }
  });

  it('leaves stored data intact', async () => {
    const stored = broker.cluster.partition('safe', 0)!.log.read(0n, 1 << 20);
    const values: string[] = [];
    const { decodeRecords } = await import('../../lib/broker/records/decode');
    const { batchSize } = await import('../../lib/broker/records/batch-header');
    for (let pos = 0; pos < stored.length; pos += batchSize(stored, pos)) {
      const batch = stored.subarray(pos, pos + batchSize(stored, pos));
      for (const r of decodeRecords(batch).records) values.push(r.value!.toString());
    }
    expect(values).toEqual(['ok-0', 'ok-1', 'ok-2', 'ok-3', 'ok-4', 'after']);
  });

  it('answers ApiVersions at an unknown version with UNSUPPORTED_VERSION in the v0 layout', async () => {
    const client = await RawClient.connect(port);
    try {
      client.write(encodeRequest(ApiKey.ApiVersions, 3, 99, 'probe', {}));
      const res = decodeResponse(ApiKey.ApiVersions, 0, await client.next());
      expect(res.correlationId).toBe(99);
      expect(res.body.errorCode).toBe(ErrorCode.UNSUPPORTED_VERSION);
      const fetch = res.body.apiKeys.find((k: { apiKey: number }) => k.apiKey === ApiKey.Fetch);
      expect(fetch).toEqual({ apiKey: ApiKey.Fetch, minVersion: 4, maxVersion: 11 });
    } finally {
      client.close();
    }
  });
});
