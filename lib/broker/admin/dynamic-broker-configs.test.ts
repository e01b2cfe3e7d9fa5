// Dynamic broker configs: a node's value wins over the cluster-wide default, topic overrides win over
// both, the partition's first replica decides whose settings apply, and the values are written to the
// store so a reopened store has them.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PartitionState, TopicState } from '../cluster/cluster';
import { openStore } from '../storage/store';
import type { LogConfig } from '../storage/types';
import { DynamicBrokerConfigs } from './dynamic-broker-configs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function topicOn(replicas: number[][], configs: Record<string, string> = {}): { topic: TopicState; seen: LogConfig[] } {
  const seen: LogConfig[] = [];
  const partitions = replicas.map((r, index) => ({ topic: 't', index, replicas: r, leaderEpoch: 0, waiters: new Set(), log: { updateConfig: (c: LogConfig) => seen.push(c) } }) as unknown as PartitionState);
  return { topic: { name: 't', id: Buffer.alloc(16), internal: false, configs, partitions }, seen };
}

describe('DynamicBrokerConfigs', () => {
  it('resolves node over cluster default over built-in default, under topic overrides', () => {
    const store = openStore({ dataDir: null, fsync: 'never' });
    const dynamic = new DynamicBrokerConfigs(store);
    dynamic.set('default', { 'log.segment.bytes': '1024', 'log.retention.ms': '1000' });
    dynamic.set(1, { 'log.segment.bytes': '4096' });
    expect(dynamic.lookup(0, 'log.segment.bytes')).toEqual({ value: '1024', source: 'default' });
    expect(dynamic.lookup(1, 'log.segment.bytes')).toEqual({ value: '4096', source: 'node' });
    expect(dynamic.lookup(1, 'log.retention.bytes')).toBeUndefined();

    const { topic, seen } = topicOn([[0, 1], [1, 0]], { 'retention.ms': '5' });
    dynamic.apply([topic]);
    expect(seen.map((c) => [c.segmentBytes, c.retentionMs])).toEqual([
      [1024, 5],
      [4096, 5],
    ]);
    store.close();
  });

  it('persists each change and reloads it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kafscope-dyn-configs-'));
    dirs.push(dir);
    let store = openStore({ dataDir: dir, fsync: 'never' });
    const dynamic = new DynamicBrokerConfigs(store);
    dynamic.set(2, { 'message.max.bytes': '2000' });
    dynamic.set('default', { 'log.retention.ms': '60000' });
    dynamic.set(2, {});
    store.close();
    store = openStore({ dataDir: dir, fsync: 'never' });
    const reloaded = new DynamicBrokerConfigs(store);
    expect(reloaded.get(2)).toEqual({});
    expect(reloaded.get('default')).toEqual({ 'log.retention.ms': '60000' });
    expect(reloaded.topicDefaults(2)).toEqual({ 'retention.ms': '60000' });
    store.close();
  });
});
