import { describe, expect, it } from 'vitest';
import { isActive, navItems } from './nav-items';

const inPrimary = navItems('primary');
const item = (label: string) => inPrimary.find((i) => i.label === label)!;

describe('navItems', () => {
  it('links every section within the current cluster', () => {
    expect(inPrimary.map((i) => i.href)).toEqual(['/clusters/primary', '/clusters/primary/topics', '/clusters/primary/groups', '/clusters/primary/brokers', '/clusters/primary/acls', '/clusters/primary/schemas']);
  });

  it('offers only the cluster list outside a cluster', () => {
    expect(navItems(null)).toEqual([{ href: '/', label: 'Clusters', exact: true }]);
  });
});

describe('isActive', () => {
  it('marks the overview only on the cluster root', () => {
    expect(isActive(item('Overview'), '/clusters/primary')).toBe(true);
    expect(isActive(item('Overview'), '/clusters/primary/topics')).toBe(false);
  });

  it('marks a section on its own path and its sub-paths', () => {
    expect(isActive(item('Topics'), '/clusters/primary/topics')).toBe(true);
    expect(isActive(item('Topics'), '/clusters/primary/topics/orders/messages')).toBe(true);
  });

  it('does not mark a section whose name is only a prefix, or another cluster', () => {
    expect(isActive(item('Topics'), '/clusters/primary/topicsx')).toBe(false);
    expect(isActive(item('Consumer groups'), '/clusters/primary/group')).toBe(false);
    expect(isActive(item('Topics'), '/clusters/secondary/topics')).toBe(false);
  });

  it('exactly one section is active on any page of the cluster', () => {
    for (const path of ['/clusters/primary', '/clusters/primary/topics/x', '/clusters/primary/groups/g', '/clusters/primary/brokers/1', '/clusters/primary/schemas/orders-value']) {
      expect(inPrimary.filter((i) => isActive(i, path))).toHaveLength(1);
    }
  });
});
