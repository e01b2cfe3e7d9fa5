// kafka-python 2.0.2 (Debian python3-kafka, run by /usr/bin/python3) against the broker: a
// KafkaConsumer in a group that commits, the KafkaAdminClient calls Kafscope users reach for, and a
// LogAppendTime topic read with CRC checks on (the broker rewrites timestamps and the CRC).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PYTHON, requireKafkaPython, runOk, startTestBroker, type TestBroker } from '../broker/helpers';
import { FAST_GROUPS } from './helpers';

let broker: TestBroker;

beforeAll(async () => {
  requireKafkaPython();
  broker = await startTestBroker({ nodes: 2, settings: FAST_GROUPS });
});
afterAll(async () => {
  await broker?.close();
});

const SCRIPT = String.raw`
import json, sys, time
from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient, NewTopic, ConfigResource, ConfigResourceType
from kafka.errors import TopicAlreadyExistsError

bs = sys.argv[1].split(',')
out = {}
admin = KafkaAdminClient(bootstrap_servers=bs)
admin.create_topics([NewTopic('pyg', 2, 1), NewTopic('pydel', 1, 1),
                     NewTopic('pyt', 1, 1, topic_configs={'message.timestamp.type': 'LogAppendTime'})])
try:
    admin.create_topics([NewTopic('pyg', 1, 1)])
    out['duplicate'] = None
except TopicAlreadyExistsError as e:
    out['duplicate'] = type(e).__name__
admin.delete_topics(['pydel'])
out['topics'] = sorted(t for t in admin.list_topics() if not t.startswith('__'))
res = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, 'pyt')])[0].resources[0]
out['configError'] = res[0]
out['configs'] = {e[0]: e[1] for e in res[4]}

producer = KafkaProducer(bootstrap_servers=bs, acks='all')
for i in range(10):
    producer.send('pyg', key=b'k%d' % i, value=b'v%d' % i, partition=i % 2)
before = int(time.time() * 1000)
producer.send('pyt', value=b'stamped', timestamp_ms=1000)
producer.flush()
after = int(time.time() * 1000)
producer.close()

consumer = KafkaConsumer('pyg', bootstrap_servers=bs, group_id='pyreaders', auto_offset_reset='earliest',
                         enable_auto_commit=False, consumer_timeout_ms=5000, check_crcs=True)
seen = []
for m in consumer:
    seen.append(m.value.decode())
    if len(seen) == 10:
        break
consumer.commit()
out['seen'] = sorted(seen)
out['groups'] = sorted(g[0] for g in admin.list_consumer_groups())
desc = admin.describe_consumer_groups(['pyreaders'])[0]
out['described'] = {'state': desc.state, 'protocol_type': desc.protocol_type, 'members': len(desc.members),
                    'assigned': sorted(p for m in desc.members for t, ps in m.member_assignment.assignment for p in ps)}
consumer.close()
offsets = admin.list_consumer_group_offsets('pyreaders')
out['offsets'] = sorted([tp.topic, tp.partition, om.offset] for tp, om in offsets.items())

stamped = KafkaConsumer(bootstrap_servers=bs, group_id=None, consumer_timeout_ms=3000, check_crcs=True)
stamped.assign([TopicPartition('pyt', 0)])
stamped.seek_to_beginning()
records = [[m.timestamp_type, m.timestamp, m.value.decode()] for m in stamped]
stamped.close()
out['stamped'] = {'records': records, 'before': before, 'after': after}
admin.close()
print(json.dumps(out))
`;

describe('kafka-python 2.0.2', () => {
  it('admin client, a committing group consumer, and LogAppendTime with CRC checks', async () => {
    const raw = await runOk(PYTHON, ['-c', SCRIPT, broker.bootstrap], undefined, 60_000);
    const out = JSON.parse(raw.trim().split('\n').pop()!);
    expect(out.duplicate).toBe('TopicAlreadyExistsError');
    expect(out.topics).toEqual(['pyg', 'pyt']);
    expect(out.configError).toBe(0);
    expect(out.configs['message.timestamp.type']).toBe('LogAppendTime');
    expect(out.configs['cleanup.policy']).toBe('delete');
    expect(out.seen).toEqual(Array.from({ length: 10 }, (_, i) => `v${i}`).sort());
    expect(out.groups).toContain('pyreaders');
    expect(out.described).toEqual({ state: 'Stable', protocol_type: 'consumer', members: 1, assigned: [0, 1] });
    expect(out.offsets).toEqual([
      ['pyg', 0, 5],
      ['pyg', 1, 5],
    ]);
    const [[timestampType, timestamp, value]] = out.stamped.records;
    expect(value).toBe('stamped');
    expect(timestampType).toBe(1);
    expect(timestamp).toBeGreaterThanOrEqual(out.stamped.before);
    expect(timestamp).toBeLessThanOrEqual(out.stamped.after);
  });
});
