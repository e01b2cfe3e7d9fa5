import { describe, expect, it } from 'vitest';
import { NAV_ITEMS, isActive } from './nav-items';

describe('isActive', () => {
  it('marks the overview only on the root path', () => {
    expect(isActive('/', '/')).toBe(true);
    expect(isActive('/', '/topics')).toBe(false);
  });

  it('marks a section on its own path and its sub-paths', () => {
    expect(isActive('/topics', '/topics')).toBe(true);
    expect(isActive('/topics', '/topics/orders/messages')).toBe(true);
  });

  it('does not mark a section whose name is only a prefix', () => {
    expect(isActive('/topics', '/topicsx')).toBe(false);
    expect(isActive('/groups', '/group')).toBe(false);
  });

  it('exactly one section is active on any path', () => {
    for (const path of ['/', '/topics/x', '/groups/g', '/brokers/1']) {
      expect(NAV_ITEMS.filter((i) => isActive(i.href, path))).toHaveLength(1);
    }
  });
});
