// kafka-python (the Debian python3-kafka package, run by /usr/bin/python3) against the broker: its
// KafkaProducer, and a KafkaConsumer with assign() + seek_to_beginning() and its default CRC checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PYTHON, requireKafkaPython, runOk, startTestBroker, type TestBroker } from './helpers';

let broker: TestBroker;

beforeAll(async () => {
  requireKafkaPython();
  broker = await startTestBroker({ nodes: 2 });
  broker.cluster.createTopic({ name: 'py', numPartitions: 2, replicationFactor: 1 });
});
afterAll(async () => {
  await broker?.close();
});

const SCRIPT = String.raw`
import json, sys
from kafka import KafkaConsumer, KafkaProducer, TopicPartition

bootstrap = sys.argv[1].split(',')
producer = KafkaProducer(bootstrap_servers=bootstrap, acks='all', linger_ms=5)
futures = [producer.send('py', key=b'k%d' % i, value=b'value-%d' % i, partition=i % 2) for i in range(200)]
producer.flush()
acked = [[f.get(timeout=10).partition, f.get(timeout=10).offset] for f in futures]
producer.close()

consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False,
                         consumer_timeout_ms=3000, check_crcs=True)
parts = [TopicPartition('py', 0), TopicPartition('py', 1)]
consumer.assign(parts)
consumer.seek_to_beginning()
seen = []
for m in consumer:
    seen.append([m.partition, m.offset, m.key.decode(), m.value.decode()])
    if len(seen) == 200:
        break
consumer.close()
print(json.dumps({'acked': acked, 'seen': seen}))
`;

describe('kafka-python', () => {
  it('produces with KafkaProducer and reads back with an assigned KafkaConsumer', async () => {
    const out = await runOk(PYTHON, ['-c', SCRIPT, broker.bootstrap], undefined, 30_000);
    const { acked, seen } = JSON.parse(out.trim().split('\n').pop()!) as {
      acked: [number, number][];
      seen: [number, number, string, string][];
    };
    expect(acked).toHaveLength(200);
    for (const [i, [partition, offset]] of acked.entries()) {
      expect(partition).toBe(i % 2);
      expect(offset).toBe(Math.floor(i / 2));
    }
    expect(seen).toHaveLength(200);
    const sorted = [...seen].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(sorted).toEqual(
      Array.from({ length: 200 }, (_, j) => {
        const partition = j < 100 ? 0 : 1;
        const offset = j % 100;
        const i = offset * 2 + partition;
        return [partition, offset, `k${i}`, `value-${i}`];
      }),
    );
    const apis = Object.keys(broker.stats().requests);
    expect(apis.some((k) => k.startsWith('Produce:'))).toBe(true);
    expect(apis.some((k) => k.startsWith('Fetch:'))).toBe(true);
  });
});
