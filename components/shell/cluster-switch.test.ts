import { describe, expect, it } from 'vitest';
import { clusterPath, parseClusterPath } from '@/components/cluster/cluster-path';
import { switchClusterPath } from './cluster-switch';

describe('switchClusterPath', () => {
  it('keeps the user on topics: list, one topic, its messages all open the topic list', () => {
    expect(switchClusterPath('/clusters/a/topics', 'b')).toBe('/clusters/b/topics');
    expect(switchClusterPath('/clusters/a/topics/orders', 'b')).toBe('/clusters/b/topics');
    expect(switchClusterPath('/clusters/a/topics/orders/messages', 'b')).toBe('/clusters/b/topics');
    expect(switchClusterPath('/clusters/a/topics/new', 'b')).toBe('/clusters/b/topics');
  });

  it('keeps groups on groups and brokers on brokers', () => {
    expect(switchClusterPath('/clusters/a/groups/my%2Fgroup', 'b')).toBe('/clusters/b/groups');
    expect(switchClusterPath('/clusters/a/groups', 'b')).toBe('/clusters/b/groups');
    expect(switchClusterPath('/clusters/a/brokers/2', 'b')).toBe('/clusters/b/brokers');
  });

  it('opens the overview from the overview, the cluster list or anything unknown', () => {
    expect(switchClusterPath('/clusters/a', 'b')).toBe('/clusters/b');
    expect(switchClusterPath('/', 'b')).toBe('/clusters/b');
    expect(switchClusterPath('/clusters/a/nonsense/1', 'b')).toBe('/clusters/b');
  });
});

describe('cluster page paths', () => {
  it('encode every segment and read back the same values', () => {
    const href = clusterPath('prod.eu', 'topics', 'a/b 50%', 'messages');
    expect(href).toBe('/clusters/prod.eu/topics/a%2Fb%2050%25/messages');
    expect(parseClusterPath(href)).toEqual({ cluster: 'prod.eu', section: 'topics', rest: ['a/b 50%', 'messages'] });
  });

  it('ignore segments after an empty section and tolerate a malformed escape', () => {
    expect(clusterPath('c', '', 'ignored')).toBe('/clusters/c');
    expect(parseClusterPath('/clusters/c/topics/%E0%A4%A')?.rest).toEqual(['%E0%A4%A']);
    expect(parseClusterPath('/')).toBeNull();
    expect(parseClusterPath('/topics/x')).toBeNull();
  });
});
