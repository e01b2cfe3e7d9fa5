// kcat's balanced consumer (`-G group topic`, librdkafka 2.0.x) against the broker: it reads every
// message exactly once and commits, so a second run of the same group finds nothing new. (No `-o`:
// kcat would then seek every assigned partition there and ignore the committed offsets.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KCAT, requireKcat, runOk, startTestBroker, type TestBroker } from '../broker/helpers';
import { FAST_GROUPS, kafkaFor } from './helpers';

let broker: TestBroker;

beforeAll(async () => {
  requireKcat();
  broker = await startTestBroker({ nodes: 2, settings: FAST_GROUPS });
});
afterAll(async () => {
  await broker?.close();
});

const consume = (group: string, topic: string) =>
  runOk(KCAT, ['-b', broker.bootstrap, '-G', group, topic, '-X', 'auto.offset.reset=earliest', '-e', '-q', '-f', '%s\\n', '-X', 'topic.metadata.refresh.interval.ms=1000'], undefined, 30_000);

describe('kcat balanced consumer', () => {
  it('reads everything once and commits; a second run reads nothing new', async () => {
    const admin = kafkaFor(broker).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'kcat-g', numPartitions: 3 }] });
    const lines = Array.from({ length: 300 }, (_, i) => `line-${i}`);
    await runOk(KCAT, ['-b', broker.bootstrap, '-P', '-t', 'kcat-g', '-K', ':'], lines.map((l, i) => `k${i % 7}:${l}`).join('\n') + '\n');

    const first = (await consume('kcat-readers', 'kcat-g')).trim().split('\n').filter((l) => l !== '');
    expect(first.sort()).toEqual([...lines].sort());

    const offsets = await admin.fetchOffsets({ groupId: 'kcat-readers', topics: ['kcat-g'] });
    const committed = offsets[0]!.partitions.reduce((sum, p) => sum + Number(p.offset), 0);
    expect(committed).toBe(300);

    const second = (await consume('kcat-readers', 'kcat-g')).trim();
    expect(second).toBe('');
    await admin.disconnect();
  });
});
