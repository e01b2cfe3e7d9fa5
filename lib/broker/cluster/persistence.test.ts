// Cluster metadata survives restarts however it was changed: a batch is written as one journal line,
// single changes at once, a torn journal tail is ignored, a long journal is folded into the snapshot,
// and data dirs from before the journal still load. Runs on real files and on the memory backend.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harnesses, type Harness } from '../storage/test-harness';
import type { Store } from '../storage/types';
import { Cluster, type ClusterNode } from './cluster';
import { ClusterMetaFiles, type TopicMeta } from './persistence';

const SNAPSHOT = 'cluster.json';
const JOURNAL = 'cluster.journal';

const journalLines = (store: Store) => (store.readMeta(JOURNAL) ?? '').split('\n').filter((l) => l.length > 0);

for (const { name, make } of harnesses) {
  describe(`cluster metadata persistence (${name})`, () => {
    let h: Harness;
    const stores: Store[] = [];
    beforeEach(() => {
      h = make();
    });
    afterEach(() => {
      for (const s of stores.splice(0)) s.close();
      h.cleanup();
    });

    /** Opens the cluster on a fresh store over the same data, as a restart does. */
    function open(): { cluster: Cluster; store: Store } {
      const store = h.open();
      stores.push(store);
      const nodes: ClusterNode[] = [{ id: 0, host: 'localhost', port: 9092, rack: null, up: false }];
      const cluster = Cluster.open(store, nodes, { autoCreateTopics: false, numPartitions: 1, defaultReplicationFactor: 1, log: () => {} });
      cluster.setNodeUp(0, true);
      return { cluster, store };
    }

    it('writes one journal line for a whole batch of changes, and a restart finds them', () => {
      const { cluster, store } = open();
      const before = journalLines(store).length;
      cluster.persistOnce(() => {
        for (let i = 0; i < 50; i++) cluster.createTopic({ name: `t${i}`, numPartitions: 2, replicationFactor: 1, configs: { 'retention.ms': `${i}` } });
        cluster.addPartitions('t1', 5);
        cluster.setTopicConfigs('t2', { 'cleanup.policy': 'compact' });
        cluster.deleteTopic('t3');
      });
      expect(journalLines(store).length).toBe(before + 1);

      const again = open().cluster;
      expect(again.clusterId).toBe(cluster.clusterId);
      expect(again.topics.size).toBe(49);
      expect(again.topic('t3')).toBeUndefined();
      expect(again.topic('t1')!.partitions.length).toBe(5);
      expect(again.topic('t2')!.configs).toEqual({ 'cleanup.policy': 'compact' });
      expect(again.topic('t49')!.configs).toEqual({ 'retention.ms': '49' });
      expect(again.topic('t0')!.id.equals(cluster.topic('t0')!.id)).toBe(true);
    });

    it('writes each change at once outside a batch', () => {
      const { cluster, store } = open();
      const before = journalLines(store).length;
      cluster.createTopic({ name: 'a', numPartitions: 1, replicationFactor: 1 });
      cluster.createTopic({ name: 'b', numPartitions: 1, replicationFactor: 1 });
      expect(journalLines(store).length).toBe(before + 2);
      expect([...open().cluster.topics.keys()].sort()).toEqual(['a', 'b']);
    });

    it('writes an async batch when it settles, even when it fails', async () => {
      const { cluster, store } = open();
      const before = journalLines(store).length;
      const done = cluster.persistOnce(async () => {
        cluster.createTopic({ name: 'x', numPartitions: 1, replicationFactor: 1 });
        await new Promise((r) => setTimeout(r, 1));
        cluster.createTopic({ name: 'y', numPartitions: 1, replicationFactor: 1 });
        throw new Error('half way');
      });
      expect(journalLines(store).length).toBe(before);
      await expect(done).rejects.toThrow('half way');
      expect(journalLines(store).length).toBe(before + 1);
      expect([...open().cluster.topics.keys()].sort()).toEqual(['x', 'y']);
    });

    it('ignores a torn last journal line', () => {
      const { cluster, store } = open();
      cluster.createTopic({ name: 'whole', numPartitions: 1, replicationFactor: 1 });
      store.appendMeta(JOURNAL, '{"topics":[{"name":"torn"');
      expect([...open().cluster.topics.keys()]).toEqual(['whole']);
    });

    it('folds a long journal into the snapshot, keeping the bytes written linear', () => {
      const store = h.open();
      stores.push(store);
      const files = new ClusterMetaFiles(store);
      const big = 'x'.repeat(4096);
      const topics = new Map<string, TopicMeta>();
      const whole = () => ({ version: 1 as const, clusterId: 'c', topics: [...topics.values()] });
      files.writeSnapshot(whole());
      let appended = 0;
      for (let i = 0; i < 200; i++) {
        const t: TopicMeta = { name: `t${i}`, id: '00', internal: false, configs: { big }, partitions: [{ replicas: [0], leaderEpoch: 0 }] };
        topics.set(t.name, t);
        files.writeChange([t], [], whole);
        appended += JSON.stringify(t).length;
      }
      const journal = store.readMeta(JOURNAL)!.length;
      expect(journal).toBeLessThan(appended / 2);
      expect(JSON.parse(store.readMeta(SNAPSHOT)!).topics.length).toBeGreaterThan(50);
      expect(new ClusterMetaFiles(store).read()!.topics.map((t) => t.name)).toEqual([...topics.keys()]);
    });

    it('loads a data dir written before the journal existed', () => {
      const store = h.open();
      stores.push(store);
      const old = {
        version: 1,
        clusterId: 'old-cluster-id-abcdefg',
        topics: [{ name: 'legacy', id: '00112233445566778899aabbccddeeff', internal: false, configs: { 'retention.ms': '5' }, partitions: [{ replicas: [0], leaderEpoch: 7 }] }],
      };
      store.writeMeta(SNAPSHOT, JSON.stringify(old, null, 1));
      const { cluster } = open();
      expect(cluster.clusterId).toBe('old-cluster-id-abcdefg');
      expect(cluster.topic('legacy')!.configs).toEqual({ 'retention.ms': '5' });
      expect(cluster.topic('legacy')!.partitions[0]!.leaderEpoch).toBe(8);
    });
  });
}
