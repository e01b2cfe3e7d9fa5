import { describe, expect, it } from 'vitest';
import { MessagesQuerySchema } from '@/lib/schemas/message';
import { BrowseUrlSchema, toApiQuery, toSearchRequest } from './browse-params';

describe('message browser URL', () => {
  it('falls back to defaults for junk in a shared link', () => {
    const u = BrowseUrlSchema.parse({ partition: 'x', from: 'sideways', limit: '100000', order: 'up', tz: 'mars', open: '<b>' });
    expect(u).toMatchObject({ partition: undefined, from: 'latest', limit: 50, order: 'desc', tz: 'local', open: undefined });
  });

  it('keeps offsets beyond 2^53 as strings and sends them only with from=offset', () => {
    const u = BrowseUrlSchema.parse({ partition: '2', from: 'offset', offset: '9007199254740993', limit: '20', order: 'asc' });
    expect(toApiQuery(u)).toEqual({ partition: 2, from: 'offset', offset: '9007199254740993', timestamp: undefined, to: 'end', limit: 20, order: 'asc', cursor: undefined });
    expect(toApiQuery({ ...u, from: 'earliest' }).offset).toBeUndefined();
  });

  it('sends the stop only with the mode that uses it', () => {
    const u = BrowseUrlSchema.parse({ to: 'offset', toOffset: '9007199254740993', toTimestamp: '5' });
    expect(toApiQuery(u)).toMatchObject({ to: 'offset', toOffset: '9007199254740993', toTimestamp: undefined });
    expect(toApiQuery({ ...u, to: 'timestamp' })).toMatchObject({ to: 'timestamp', toOffset: undefined, toTimestamp: 5 });
  });

  it('a search in the URL searches the view: its range, order and partition, without the paging cursor', () => {
    const u = BrowseUrlSchema.parse({ q: 'needle', in: 'value', match: 'regex', partition: '1', from: 'timestamp', timestamp: '100', to: 'offset', toOffset: '7', order: 'asc', limit: '20', cursor: 'abc' });
    expect(toSearchRequest(u, 1000)).toEqual({ q: 'needle', in: 'value', mode: 'regex', partition: 1, from: 'timestamp', timestamp: 100, to: 'offset', toOffset: '7', order: 'asc', limit: 20, maxScan: 1000 });
    expect(toSearchRequest(BrowseUrlSchema.parse({}), 1000)).toBeNull();
    expect(BrowseUrlSchema.parse({ q: 'x', in: 'body', match: 'glob' })).toMatchObject({ q: 'x', in: undefined, match: 'contains' });
  });

  it('treats an empty partition as all partitions', () => {
    expect(BrowseUrlSchema.parse({ partition: '' }).partition).toBeUndefined();
  });
});

describe('one source for the browse defaults', () => {
  it('an empty URL and an empty API query mean the same view: the newest 50, newest first', () => {
    const url = BrowseUrlSchema.parse({});
    const api = MessagesQuerySchema.parse({});
    expect({ from: url.from, limit: url.limit, order: url.order }).toEqual({ from: api.from, limit: api.limit, order: api.order });
    expect(api).toMatchObject({ from: 'latest', limit: 50, order: 'desc' });
  });

  it('the API refuses what the URL quietly replaces', () => {
    expect(BrowseUrlSchema.parse({ order: 'up' }).order).toBe('desc');
    expect(MessagesQuerySchema.safeParse({ order: 'up' }).success).toBe(false);
  });
});
