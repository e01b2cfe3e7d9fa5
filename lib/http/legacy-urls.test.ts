// Old links keep working: the single-cluster URLs of earlier versions and Kafdrop's page URLs map to
// the default cluster's pages, with the query kept (or translated, for Kafdrop's message pager).
import { describe, expect, it } from 'vitest';
import { legacyRedirect } from './legacy-urls';

const one = { defaultCluster: 'default', clusterCount: 1 };
const many = { defaultCluster: 'prod', clusterCount: 3 };
const go = (path: string, facts = many) => {
  const u = new URL(path, 'http://h');
  return legacyRedirect(u.pathname, u.searchParams, facts);
};

describe('legacy URLs', () => {
  it('/ goes to the only cluster, and stays the cluster list with several', () => {
    expect(go('/', one)).toBe('/clusters/default');
    expect(go('/', many)).toBeNull();
  });
  it("today's pages go to the default cluster with their query", () => {
    expect(go('/topics')).toBe('/clusters/prod/topics');
    expect(go('/topics/orders/messages?partition=2&from=earliest')).toBe('/clusters/prod/topics/orders/messages?partition=2&from=earliest');
    expect(go('/topics/new')).toBe('/clusters/prod/topics/new');
    expect(go('/groups/my%2Fgroup')).toBe('/clusters/prod/groups/my%2Fgroup');
    expect(go('/brokers/2')).toBe('/clusters/prod/brokers/2');
  });
  it("today's API goes to the default cluster's API", () => {
    expect(go('/api/topics?q=ord')).toBe('/api/clusters/prod/topics?q=ord');
    expect(go('/api/topics/orders/search?q=x')).toBe('/api/clusters/prod/topics/orders/search?q=x');
    expect(go('/api/groups/g/offsets/reset')).toBe('/api/clusters/prod/groups/g/offsets/reset');
    expect(go('/api/cluster')).toBe('/api/clusters/prod/overview');
    expect(go('/api/settings')).toBe('/api/clusters/prod/settings');
    expect(go('/api/health')).toBeNull();
    expect(go('/api/clusters/prod/topics')).toBeNull();
  });
  it("Kafdrop's pages go to their Kafscope pages", () => {
    expect(go('/topic/orders')).toBe('/clusters/prod/topics/orders');
    expect(go('/topic/create')).toBe('/clusters/prod/topics/new');
    expect(go('/topic/orders/messages?partition=1&offset=42&count=20')).toBe(
      '/clusters/prod/topics/orders/messages?partition=1&from=offset&offset=42&order=asc&limit=20',
    );
    expect(go('/topic/orders/allmessages?count=5000')).toBe('/clusters/prod/topics/orders/messages?from=earliest&order=asc&limit=1000');
    expect(go('/consumer/billing')).toBe('/clusters/prod/groups/billing');
    expect(go('/broker/1')).toBe('/clusters/prod/brokers/1');
    expect(go('/broker')).toBe('/clusters/prod/brokers');
    expect(go('/acl')).toBe('/clusters/prod');
  });
  it('a cluster name is encoded, and new URLs are left alone', () => {
    expect(go('/topics', { defaultCluster: 'a.b_c-d', clusterCount: 2 })).toBe('/clusters/a.b_c-d/topics');
    expect(go('/clusters/prod/topics')).toBeNull();
    expect(go('/topic/orders/messages/extra')).toBeNull();
  });
});
