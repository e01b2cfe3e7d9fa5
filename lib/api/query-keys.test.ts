import { describe, expect, it } from 'vitest';
import { clusterApi } from './cluster-url';
import { clusterKeys, clusterListKey } from './query-keys';

const q = { q: '', internal: false, sort: 'name', dir: 'asc', page: 1, pageSize: 50 } as const;
const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) => prefix.every((p, i) => key[i] === p);

describe('query keys', () => {
  it('put every key of a cluster under that cluster, never under another', () => {
    const a = clusterKeys('a');
    const keys = [a.settings(), a.health(), a.overview(), a.broker(1), a.topicList(q), a.topic('t'), a.messagePage('t', {}), a.group('g')];
    for (const key of keys) {
      expect(startsWith(key, ['clusters', 'a'])).toBe(true);
      expect(startsWith(key, clusterKeys('b').all())).toBe(false);
    }
  });

  it('keep the cluster list outside every cluster', () => {
    expect(startsWith(clusterListKey(), ['clusters'])).toBe(false);
  });

  it('build families as prefixes of their members, so one invalidation reaches them all', () => {
    const k = clusterKeys('a');
    expect(startsWith(k.topicList(q), k.topicLists())).toBe(true);
    expect(startsWith(k.topic('t'), k.topicDetails())).toBe(true);
    expect(startsWith(k.topicLists(), k.topics())).toBe(true);
    expect(startsWith(k.messagePage('t', { limit: 5 }), k.messages('t'))).toBe(true);
    expect(startsWith(k.messagePage('t2', {}), k.messages('t'))).toBe(false);
    expect(startsWith(k.broker(2), k.brokers())).toBe(true);
  });
});

describe('clusterApi', () => {
  it('encodes the cluster and every segment', () => {
    expect(clusterApi('prod', 'topics', 'a/b?c', 'messages')).toBe('/api/clusters/prod/topics/a%2Fb%3Fc/messages');
    expect(clusterApi('x', 'brokers', 3)).toBe('/api/clusters/x/brokers/3');
    expect(clusterApi('x')).toBe('/api/clusters/x');
  });
});
