// Fetch over real TCP, at the wire level: what comes back for an offset inside the log, the long poll
// at the end woken by an append (also right after a consumer read to the end, as Kafka does),
// responses staying in request order while a Fetch waits, and
// pipelined Fetches of megabytes on a broker on disk each getting their own bytes (read buffers are
// reused only after the socket has written them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey, decodeResponse, encodeRequest, type FetchResponse, type ProduceResponse } from '../../lib/broker/protocol';
import { ErrorCode } from '../../lib/common/kafka-error-codes';
import { baseOffsetOf } from '../../lib/broker/records/batch-header';
import { buildRecordBatch } from '../../lib/broker/records/build';
import { decodeRecords } from '../../lib/broker/records/decode';
import { RawClient, startTestBroker, tempDir, type TestBroker } from './helpers';

const VERSION = 11;
let broker: TestBroker;
let port: number;
let correlation = 1;

beforeAll(async () => {
  broker = await startTestBroker();
  port = broker.nodes[0]!.port;
});
afterAll(async () => {
  await broker?.close();
});

function fetchFrame(topic: string, fetchOffset: bigint, maxWaitMs: number, partitionMaxBytes = 1048576): { frame: Buffer; correlationId: number } {
  const correlationId = correlation++;
  const frame = encodeRequest(ApiKey.Fetch, VERSION, correlationId, 'fetch-test', {
    replicaId: -1,
    maxWaitMs,
    minBytes: 1,
    maxBytes: 52428800,
    isolationLevel: 0,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [{ topic, partitions: [{ partition: 0, currentLeaderEpoch: -1, fetchOffset, logStartOffset: -1n, partitionMaxBytes }] }],
    forgottenTopicsData: [],
    rackId: '',
  });
  return { frame, correlationId };
}

type FetchedPartition = FetchResponse['responses'][number]['partitions'][number];

async function fetchResult(client: RawClient, correlationId: number): Promise<FetchedPartition> {
  const res = decodeResponse<FetchResponse>(ApiKey.Fetch, VERSION, await client.next());
  expect(res.correlationId).toBe(correlationId);
  return res.body.responses[0]!.partitions[0]!;
}

async function produce(topic: string, values: string[]): Promise<void> {
  const res = await RawClient.callOnce<ProduceResponse>(port, ApiKey.Produce, 7, {
    transactionalId: null,
    acks: -1,
    timeoutMs: 1000,
    topicData: [{ name: topic, partitionData: [{ index: 0, records: buildRecordBatch(values.map((v) => ({ key: null, value: Buffer.from(v) }))) }] }],
  });
  expect(res.responses[0]!.partitionResponses[0]!.errorCode).toBe(ErrorCode.NONE);
}

const valuesOf = (records: Buffer | null) => {
  const out: string[] = [];
  for (let at = 0; records && at < records.length; ) {
    const size = 12 + records.readInt32BE(at + 8);
    for (const r of decodeRecords(records.subarray(at, at + size)).records) out.push(r.value!.toString());
    at += size;
  }
  return out;
};

function topicWith(name: string): string {
  broker.cluster.createTopic({ name, numPartitions: 1, replicationFactor: 1 });
  return name;
}

describe('Fetch', () => {
  it('returns stored batches from the one holding the fetch offset, with the watermarks', async () => {
    const topic = topicWith('fetch-basic');
    await produce(topic, ['a', 'b']);
    await produce(topic, ['c']);
    const client = await RawClient.connect(port);
    try {
      const { frame, correlationId } = fetchFrame(topic, 1n, 0);
      client.write(frame);
      const p = await fetchResult(client, correlationId);
      expect(p.errorCode).toBe(ErrorCode.NONE);
      expect(p.highWatermark).toBe(3n);
      expect(p.logStartOffset).toBe(0n);
      expect(baseOffsetOf(p.records!)).toBe(0n); // the batch holding offset 1 starts at 0
      expect(valuesOf(p.records)).toEqual(['a', 'b', 'c']);
    } finally {
      client.close();
    }
  });

  it('long-polls at the end of the log until an append arrives', async () => {
    const topic = topicWith('fetch-long-poll');
    await produce(topic, ['first']);
    const client = await RawClient.connect(port);
    try {
      const { frame, correlationId } = fetchFrame(topic, 1n, 60_000);
      client.write(frame);
      const answer = fetchResult(client, correlationId);
      await produce(topic, ['woke it']);
      const p = await answer;
      expect(valuesOf(p.records)).toEqual(['woke it']);
      expect(p.highWatermark).toBe(2n);
    } finally {
      client.close();
    }
  });

  it('long-polls a consumer that has just read to the end, like Kafka, until data arrives', async () => {
    const topic = topicWith('fetch-caught-up');
    await produce(topic, ['x', 'y']);
    const client = await RawClient.connect(port);
    try {
      const read = fetchFrame(topic, 0n, 60_000);
      client.write(read.frame);
      expect(valuesOf((await fetchResult(client, read.correlationId)).records)).toEqual(['x', 'y']);
      // Exactly at the high watermark just sent: no answer until data arrives (or maxWaitMs).
      const atEnd = fetchFrame(topic, 2n, 60_000);
      client.write(atEnd.frame);
      let answered = false;
      const answer = fetchResult(client, atEnd.correlationId).then((r) => {
        answered = true;
        return r;
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(answered).toBe(false);
      await produce(topic, ['z']);
      const got = await answer;
      expect(valuesOf(got.records)).toEqual(['z']);
      expect(got.highWatermark).toBe(3n);
    } finally {
      client.close();
    }
  });

  it('keeps responses in request order while a Fetch waits', async () => {
    const topic = topicWith('fetch-order');
    const client = await RawClient.connect(port);
    try {
      const waiting = fetchFrame(topic, 0n, 300);
      client.write(waiting.frame);
      const versionsId = correlation++;
      client.write(encodeRequest(ApiKey.ApiVersions, 2, versionsId, 'fetch-test', {}));
      const first = await fetchResult(client, waiting.correlationId);
      expect(first.records?.length ?? 0).toBe(0);
      const second = decodeResponse(ApiKey.ApiVersions, 2, await client.next());
      expect(second.correlationId).toBe(versionsId);
    } finally {
      client.close();
    }
  });

  it('gives every pipelined Fetch its own bytes while earlier responses are still being written', async () => {
    const dir = tempDir('fetch');
    const disk = await startTestBroker({ dataDir: dir.dir });
    const client = await RawClient.connect(disk.nodes[0]!.port);
    try {
      disk.cluster.createTopic({ name: 'big', numPartitions: 1, replicationFactor: 1 });
      const letters = 'abcdefghijklmnop';
      const partition = disk.cluster.partition('big', 0)!;
      for (const letter of letters) {
        // Two batches per letter, so every Fetch below reads a span of two batches from the file.
        for (let i = 0; i < 2; i++) {
          const batch = buildRecordBatch([{ key: null, value: Buffer.alloc(256 * 1024, letter) }]);
          expect(disk.cluster.append(partition, batch, Date.now()).ok).toBe(true);
        }
      }
      const ids = [...letters].map((_, i) => {
        const { frame, correlationId } = fetchFrame('big', BigInt(2 * i), 0, 2 * (256 * 1024 + 100)); // two batches
        client.write(frame);
        return correlationId;
      });
      for (const [i, id] of ids.entries()) {
        const values = valuesOf((await fetchResult(client, id)).records);
        expect(values).toHaveLength(2);
        for (const v of values) expect(v === letters[i]!.repeat(256 * 1024)).toBe(true);
      }
    } finally {
      client.close();
      await disk.close();
      dir.remove();
    }
  });
});
