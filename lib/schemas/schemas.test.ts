import { describe, expect, it } from 'vitest';
import { Int64String, OffsetString } from './common';
import { MessagesQuerySchema, ProduceRequestSchema } from './message';
import { ResetOffsetsRequestSchema } from './group';
import { CreateTopicRequestSchema, TopicListQuerySchema, TopicName } from './topic';

describe('64-bit offsets as strings', () => {
  it('accepts the largest int64 and keeps it exact', () => {
    const max = '9223372036854775807';
    expect(OffsetString.parse(max)).toBe(max);
    expect(BigInt(MessagesQuerySchema.parse({ from: 'offset', offset: max }).offset!)).toBe(2n ** 63n - 1n);
  });
  it('rejects values past 64 bits, fractions, and negatives where offsets must be positive', () => {
    expect(Int64String.safeParse('9223372036854775808').success).toBe(false);
    expect(Int64String.safeParse('1.5').success).toBe(false);
    expect(Int64String.safeParse('-1').success).toBe(true);
    expect(OffsetString.safeParse('-1').success).toBe(false);
  });
});

describe('topic names follow Kafka rules', () => {
  it.each(['orders', 'a.b_c-D9', 'x'.repeat(249)])('accepts %s', (n) => expect(TopicName.safeParse(n).success).toBe(true));
  it.each(['', '.', '..', 'a b', 'ä', 'x'.repeat(250), 'a/b'])('rejects %j', (n) => expect(TopicName.safeParse(n).success).toBe(false));
  it('create request defaults configs to empty', () => {
    expect(CreateTopicRequestSchema.parse({ name: 't', partitions: 3, replicationFactor: 1 }).configs).toEqual({});
  });
});

describe('query strings from shared URLs', () => {
  it('fall back to defaults instead of failing on junk', () => {
    expect(TopicListQuerySchema.parse({ page: 'x', sort: 'nope', dir: 'up' })).toMatchObject({ page: 1, sort: 'name', dir: 'asc' });
  });
  it('cap the message limit at 1000', () => {
    expect(MessagesQuerySchema.safeParse({ limit: '1000' }).success).toBe(true);
    expect(MessagesQuerySchema.safeParse({ limit: '1000000000' }).success).toBe(false);
  });
});

describe('reset offsets request', () => {
  it('needs the argument of its mode', () => {
    expect(ResetOffsetsRequestSchema.safeParse({ mode: 'offset' }).success).toBe(false);
    expect(ResetOffsetsRequestSchema.safeParse({ mode: 'offset', offset: '5' }).success).toBe(true);
    expect(ResetOffsetsRequestSchema.safeParse({ mode: 'earliest', partitions: [0] }).success).toBe(false);
  });
});

describe('produce request', () => {
  it('defaults key and value to null and headers to none', () => {
    expect(ProduceRequestSchema.parse({})).toEqual({ key: null, value: null, headers: [] });
  });
});
