import { describe, expect, it } from 'vitest';
import { BrowseUrlSchema } from '@/components/messages/browse-params';
import { unconsumedHref } from './unconsumed-link';

const parse = (href: string) => {
  const url = new URL(href, 'http://x');
  return { path: url.pathname, state: BrowseUrlSchema.parse(Object.fromEntries(url.searchParams)) };
};

describe('unconsumedHref', () => {
  it("opens the browser on the row's partition, forward from the committed offset (64-bit exact)", () => {
    const { path, state } = parse(unconsumedHref('prod', { topic: 'a/b', partition: 3, committed: '9007199254740993', logStart: '0' })!);
    expect(path).toBe('/clusters/prod/topics/a%2Fb/messages');
    expect(state).toMatchObject({ partition: 3, from: 'offset', offset: '9007199254740993', order: 'asc' });
  });
  it('starts at the log start when retention removed the committed position; no link without a commit', () => {
    expect(parse(unconsumedHref('c', { topic: 't', partition: 0, committed: '5', logStart: '40' })!).state.offset).toBe('40');
    expect(unconsumedHref('c', { topic: 't', partition: 0, committed: null, logStart: '0' })).toBeNull();
  });
});
