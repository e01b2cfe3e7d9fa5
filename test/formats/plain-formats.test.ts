// Formats that need no registry, chosen per request (valueFormat/keyFormat) or as the cluster's default
// (Kafdrop's MESSAGE_FORMAT / MESSAGE_KEYFORMAT): MessagePack, big-endian int and long (exact to 64
// bits), text and binary; a record that does not fit the chosen format is badged, not dropped.
import { encode } from '@msgpack/msgpack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getMessages } from '../../app/api/clusters/[cluster]/topics/[topic]/messages/route';
import { loadAppConfig } from '../../lib/config';
import { configureClusters } from '../../lib/kafka/connection/registry';
import { MessagePageSchema, MessagesUrlSchema } from '../../lib/schemas/message';
import { TEST_CLUSTER, call, createTopic, startHarness, type Harness } from '../api/harness';

let h: Harness;

const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const int64 = (n: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(n);
  return b;
};

beforeAll(async () => {
  h = await startHarness();
  await createTopic(h, 'telemetry');
  await h.producer.send({
    topic: 'telemetry',
    messages: [
      { key: int32(42), value: Buffer.from(encode({ device: 'd-1', temp: 21.5, seq: 2n ** 60n + 1n }, { useBigInt64: true })) },
      { key: int32(-7), value: Buffer.from([0xc1]) },
    ],
  });
  await createTopic(h, 'counters');
  await h.producer.send({ topic: 'counters', messages: [{ key: 'max', value: int64(2n ** 63n - 1n) }, { key: 'short', value: Buffer.from([1, 2, 3]) }] });
});
afterAll(() => h?.close());

const page = async (topic: string, qs = '') => {
  const r = await call(getMessages, `/api/clusters/test/topics/${topic}/messages?from=earliest&order=asc${qs}`, { topic });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return MessagePageSchema.parse(r.body).messages;
};

describe('per-request formats', () => {
  it('msgpack values and int keys', async () => {
    const [good, bad] = await page('telemetry', '&valueFormat=msgpack&keyFormat=int');
    expect(good!.key).toMatchObject({ encoding: 'int', text: '42' });
    expect(good!.value).toMatchObject({ encoding: 'msgpack', text: '{"device":"d-1","temp":21.5,"seq":1152921504606846977}' });
    expect(bad!.key).toMatchObject({ encoding: 'int', text: '-7' });
    expect(bad!.value).toMatchObject({ encoding: 'binary', base64: 'wQ==' });
    expect(bad!.value!.error).toMatch(/^msgpack: /);
  });

  it('long is exact to 64 bits; a wrong length is a badge', async () => {
    const [max, short] = await page('counters', '&valueFormat=long');
    expect(max!.value).toMatchObject({ encoding: 'long', text: '9223372036854775807' });
    expect(short!.value!.error).toMatch(/a long is 8 bytes, not 3/);
    expect(max!.key).toMatchObject({ encoding: 'text', text: 'max' });
  });

  it('auto (the default) keeps today detection; binary forces bytes', async () => {
    const [good] = await page('telemetry');
    expect(good!.value!.encoding).toBe('binary');
    const [max] = await page('counters', '&keyFormat=binary');
    expect(max!.key).toMatchObject({ encoding: 'binary', base64: Buffer.from('max').toString('base64') });
  });

  it('an unknown format is a 400 in the API, auto in a page URL', async () => {
    const r = await call(getMessages, '/api/clusters/test/topics/counters/messages?valueFormat=yaml', { topic: 'counters' });
    expect(r.status).toBe(400);
    expect(MessagesUrlSchema.parse({ valueFormat: 'yaml' }).valueFormat).toBe('auto');
    expect(MessagesUrlSchema.parse({}).valueFormat).toBeUndefined();
  });
});

describe("Kafdrop's MESSAGE_FORMAT as the cluster default", () => {
  it('applies when a request does not choose, and a request still wins', async () => {
    configureClusters(loadAppConfig({ KAFKA_CLUSTERS_0_NAME: TEST_CLUSTER, KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: h.broker.bootstrap, MESSAGE_FORMAT: 'MSGPACK', MESSAGE_KEYFORMAT: 'int' }));
    try {
      const [good] = await page('telemetry');
      expect(good!.value!.encoding).toBe('msgpack');
      expect(good!.key!.encoding).toBe('int');
      const [again] = await page('telemetry', '&valueFormat=auto');
      expect(again!.value!.encoding).toBe('binary');
    } finally {
      configureClusters(loadAppConfig({ KAFKA_CLUSTERS_0_NAME: TEST_CLUSTER, KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: h.broker.bootstrap }));
    }
  });

  it('a kafbat-style per-cluster default wins over the global one; bad values stop start-up', () => {
    const c = loadAppConfig({ KAFKA_CLUSTERS_0_NAME: 'a', KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: 'k:9092', KAFKA_CLUSTERS_0_DEFAULTVALUEFORMAT: 'long', MESSAGE_FORMAT: 'AVRO' });
    expect(c.clusters[0]!.formats).toEqual({ key: 'auto', value: 'long' });
    expect(loadAppConfig({ KAFKA_BROKERCONNECT: 'k:9092', MESSAGE_FORMAT: 'PROTOBUF', MESSAGE_KEYFORMAT: 'DEFAULT' }).clusters[0]!.formats).toEqual({ key: 'auto', value: 'protobuf' });
    expect(() => loadAppConfig({ KAFKA_BROKERCONNECT: 'k:9092', MESSAGE_FORMAT: 'yaml' })).toThrow(/MESSAGE_FORMAT/);
    expect(() => loadAppConfig({ KAFKA_CLUSTERS_0_NAME: 'a', KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: 'k:9092', KAFKA_CLUSTERS_0_DEFAULTKEYFORMAT: 'x' })).toThrow(/KAFKA_CLUSTERS_0_DEFAULTKEYFORMAT/);
  });
});
