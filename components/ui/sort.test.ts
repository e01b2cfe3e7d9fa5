import { describe, expect, it } from 'vitest';
import { nextSort } from './sort';

describe('nextSort', () => {
  it('starts sizes largest first and names A to Z', () => {
    expect(nextSort({ sort: 'name', dir: 'asc' }, 'messages')).toEqual({ sort: 'messages', dir: 'desc' });
    expect(nextSort({ sort: 'name', dir: 'asc' }, 'totalLag')).toEqual({ sort: 'totalLag', dir: 'desc' });
    expect(nextSort({ sort: 'totalLag', dir: 'desc' }, 'groupId')).toEqual({ sort: 'groupId', dir: 'asc' });
  });
  it('turns the order round on a second click', () => {
    expect(nextSort({ sort: 'messages', dir: 'desc' }, 'messages')).toEqual({ sort: 'messages', dir: 'asc' });
    expect(nextSort({ sort: 'name', dir: 'asc' }, 'name')).toEqual({ sort: 'name', dir: 'desc' });
  });
});
