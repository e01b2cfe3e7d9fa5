import { describe, expect, it } from 'vitest';
import { MessagesQuerySchema, SearchQuerySchema } from '@/lib/schemas/message';
import { ExportQuerySchema, TailQuerySchema } from '@/lib/schemas/streams';
import { BrowseUrlSchema, toApiQuery, toSearchRequest } from './browse-params';
import { exportQueryOf } from './export-button';

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

  it('the Protobuf descriptor file and type travel from the URL to browse, search and export, whose queries take them', () => {
    const u = BrowseUrlSchema.parse({ valueFormat: 'protobuf', protobufDesc: 'orders.desc', protobufType: 'demo.Order', q: 'x' });
    const chosen = { valueFormat: 'protobuf', protobufDesc: 'orders.desc', protobufType: 'demo.Order' };
    expect(MessagesQuerySchema.parse(toApiQuery(u))).toMatchObject(chosen);
    expect(SearchQuerySchema.parse(toSearchRequest(u, 10))).toMatchObject(chosen);
    expect(ExportQuerySchema.parse(exportQueryOf(u, 'ndjson', undefined))).toMatchObject(chosen);
    expect(TailQuerySchema.parse({ valueFormat: 'protobuf', protobufDesc: 'orders.desc', protobufType: 'demo.Order' })).toMatchObject(chosen);
    // An empty or oversized choice in a hand-edited link is no choice: the server's defaults apply.
    expect(BrowseUrlSchema.parse({ protobufDesc: '', protobufType: 'x'.repeat(501) })).toMatchObject({ protobufDesc: undefined, protobufType: undefined });
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
