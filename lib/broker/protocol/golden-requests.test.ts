// Golden request frames assembled by hand from the wire rules (fixtures/bytes.ts never uses the Writer):
// encodeRequest must produce exactly these bytes, and decodeRequestHeader + decodeRequest must read
// them back, for the versions the embedded broker serves and one flexible version of each shape.

import { describe, expect, it } from 'vitest';
import { arr, bool, bytes, carr, cat, cstr, i16, i32, i64, i8, noTags, requestFrame, str } from './fixtures/bytes';
import { ApiKey, decodeRequest, decodeRequestHeader, encodeRequest } from './index';

const CORRELATION = 0x01020304;
const CLIENT = 'kafscope';

/** Checks both directions for one request and returns the decoded body. */
// Decoded bodies are walked dynamically by the assertions below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function roundTrip(apiKey: number, version: number, body: object, bodyBytes: Buffer, flexible = false): any {
  const frame = requestFrame(apiKey, version, CORRELATION, CLIENT, bodyBytes, flexible);
  expect(encodeRequest(apiKey, version, CORRELATION, CLIENT, body).toString('hex')).toBe(frame.toString('hex'));
  const { header, bodyOffset } = decodeRequestHeader(frame.subarray(4));
  expect(header).toEqual({ apiKey, apiVersion: version, correlationId: CORRELATION, clientId: CLIENT });
  const decoded = decodeRequest(apiKey, version, frame.subarray(4), bodyOffset);
  expect(decoded).toMatchObject(body);
  return decoded;
}

describe('ApiVersions request', () => {
  it('v0 and v2 have an empty body', () => {
    roundTrip(ApiKey.ApiVersions, 0, {}, Buffer.alloc(0));
    roundTrip(ApiKey.ApiVersions, 2, {}, Buffer.alloc(0));
  });

  it('v3 is flexible: header v2 (int16 client id + tags), compact strings, tags', () => {
    const body = { clientSoftwareName: 'librdkafka', clientSoftwareVersion: '2.0.2' };
    roundTrip(ApiKey.ApiVersions, 3, body, cat(cstr('librdkafka'), cstr('2.0.2'), noTags), true);
  });
});

describe('Metadata request', () => {
  it('v0: a plain array of topic names', () => {
    const d = roundTrip(ApiKey.Metadata, 0, { topics: [{ name: 'orders' }] }, cat(arr(1), str('orders')));
    expect(d.allowAutoTopicCreation).toBe(true); // absent in v0: the JSON default
  });

  it('v1: null topics means all topics', () => {
    roundTrip(ApiKey.Metadata, 1, { topics: null }, arr(-1));
  });

  it('v4: adds allowAutoTopicCreation', () => {
    roundTrip(ApiKey.Metadata, 4, { topics: [{ name: 'a' }, { name: 'b' }], allowAutoTopicCreation: false }, cat(arr(2), str('a'), str('b'), bool(false)));
  });

  it('v9 (flexible): compact arrays and strings, a tag section per struct', () => {
    const body = {
      topics: [{ name: 'orders' }],
      allowAutoTopicCreation: true,
      includeClusterAuthorizedOperations: false,
      includeTopicAuthorizedOperations: true,
    };
    roundTrip(ApiKey.Metadata, 9, body, cat(carr(1), cstr('orders'), noTags, bool(true), bool(false), bool(true), noTags), true);
  });
});

describe('Produce request', () => {
  const records = Buffer.from('00000000000000000000003affffffff02', 'hex'); // opaque to the codec
  const body = {
    transactionalId: null,
    acks: -1,
    timeoutMs: 30000,
    topicData: [{ name: 'orders', partitionData: [{ index: 2, records }] }],
  };
  const expected = cat(str(null), i16(-1), i32(30000), arr(1), str('orders'), arr(1), i32(2), bytes(records));

  it('v3', () => {
    const d = roundTrip(ApiKey.Produce, 3, body, expected);
    expect(d.topicData[0].partitionData[0].records).toEqual(records);
  });

  it('v7 has the same layout', () => {
    roundTrip(ApiKey.Produce, 7, { ...body, transactionalId: 'tx-1' }, cat(str('tx-1'), expected.subarray(2)));
  });
});

describe('Fetch request', () => {
  it('v4: isolation level, no leader epoch or log start offset yet', () => {
    const body = {
      replicaId: -1,
      maxWaitMs: 500,
      minBytes: 1,
      maxBytes: 52428800,
      isolationLevel: 1,
      topics: [{ topic: 'orders', partitions: [{ partition: 0, fetchOffset: 42n, partitionMaxBytes: 1048576 }] }],
    };
    const d = roundTrip(
      ApiKey.Fetch,
      4,
      body,
      cat(i32(-1), i32(500), i32(1), i32(52428800), i8(1), arr(1), str('orders'), arr(1), i32(0), i64(42n), i32(1048576)),
    );
    expect(d.sessionEpoch).toBe(-1);
    expect(d.topics[0].partitions[0].logStartOffset).toBe(-1n);
  });

  it('v11: sessions, leader epoch, log start offset, forgotten topics, rack', () => {
    const body = {
      replicaId: -1,
      maxWaitMs: 100,
      minBytes: 1,
      maxBytes: 1000,
      isolationLevel: 0,
      sessionId: 0,
      sessionEpoch: -1,
      topics: [
        { topic: 't', partitions: [{ partition: 3, currentLeaderEpoch: 7, fetchOffset: 9007199254740993n, logStartOffset: -1n, partitionMaxBytes: 100 }] },
      ],
      forgottenTopicsData: [{ topic: 'old', partitions: [1, 2] }],
      rackId: 'rack-a',
    };
    roundTrip(
      ApiKey.Fetch,
      11,
      body,
      cat(
        i32(-1), i32(100), i32(1), i32(1000), i8(0), i32(0), i32(-1),
        arr(1), str('t'), arr(1), i32(3), i32(7), i64(9007199254740993n), i64(-1n), i32(100),
        arr(1), str('old'), arr(2), i32(1), i32(2),
        str('rack-a'),
      ),
    );
  });
});

describe('ListOffsets request', () => {
  const partitions = [{ partitionIndex: 0, timestamp: -1n }];
  it('v1', () => {
    roundTrip(ApiKey.ListOffsets, 1, { replicaId: -1, topics: [{ name: 't', partitions }] }, cat(i32(-1), arr(1), str('t'), arr(1), i32(0), i64(-1n)));
  });

  it('v2 adds isolationLevel', () => {
    roundTrip(
      ApiKey.ListOffsets,
      2,
      { replicaId: -1, isolationLevel: 1, topics: [{ name: 't', partitions: [{ partitionIndex: 0, timestamp: -2n }] }] },
      cat(i32(-1), i8(1), arr(1), str('t'), arr(1), i32(0), i64(-2n)),
    );
  });
});

describe('JoinGroup request', () => {
  const metadata = Buffer.from([0, 1, 0, 0, 0, 0]);
  it('v0', () => {
    const d = roundTrip(
      ApiKey.JoinGroup,
      0,
      { groupId: 'g', sessionTimeoutMs: 30000, memberId: '', protocolType: 'consumer', protocols: [{ name: 'range', metadata }] },
      cat(str('g'), i32(30000), str(''), str('consumer'), arr(1), str('range'), bytes(metadata)),
    );
    expect(d.rebalanceTimeoutMs).toBe(-1);
  });

  it('v5: rebalance timeout and static membership', () => {
    roundTrip(
      ApiKey.JoinGroup,
      5,
      { groupId: 'g', sessionTimeoutMs: 10000, rebalanceTimeoutMs: 60000, memberId: 'm-1', groupInstanceId: null, protocolType: 'consumer', protocols: [{ name: 'range', metadata }] },
      cat(str('g'), i32(10000), i32(60000), str('m-1'), str(null), str('consumer'), arr(1), str('range'), bytes(metadata)),
    );
  });
});

describe('OffsetCommit request', () => {
  it('v2 carries retentionTimeMs', () => {
    roundTrip(
      ApiKey.OffsetCommit,
      2,
      {
        groupId: 'g', generationIdOrMemberEpoch: 3, memberId: 'm', retentionTimeMs: -1n,
        topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: -1n, committedMetadata: null }] }],
      },
      cat(str('g'), i32(3), str('m'), i64(-1n), arr(1), str('t'), arr(1), i32(0), i64(-1n), str(null)),
    );
  });

  it('v5 drops retentionTimeMs', () => {
    roundTrip(
      ApiKey.OffsetCommit,
      5,
      { groupId: 'g', generationIdOrMemberEpoch: 3, memberId: 'm', topics: [{ name: 't', partitions: [{ partitionIndex: 1, committedOffset: 10n, committedMetadata: '' }] }] },
      cat(str('g'), i32(3), str('m'), arr(1), str('t'), arr(1), i32(1), i64(10n), str('')),
    );
  });
});

describe('CreateTopics request', () => {
  const topic = {
    name: 'new',
    numPartitions: 3,
    replicationFactor: 1,
    assignments: [{ partitionIndex: 0, brokerIds: [1, 2] }],
    configs: [{ name: 'cleanup.policy', value: 'compact' }],
  };
  const topicBytes = cat(str('new'), i32(3), i16(1), arr(1), i32(0), arr(2), i32(1), i32(2), arr(1), str('cleanup.policy'), str('compact'));

  it('v0', () => {
    const d = roundTrip(ApiKey.CreateTopics, 0, { topics: [topic], timeoutMs: 5000 }, cat(arr(1), topicBytes, i32(5000)));
    expect(d.validateOnly).toBe(false);
  });

  it('v3 adds validateOnly', () => {
    roundTrip(ApiKey.CreateTopics, 3, { topics: [topic], timeoutMs: 5000, validateOnly: true }, cat(arr(1), topicBytes, i32(5000), bool(true)));
  });

  it('v5 (flexible): tag sections at the end of every struct', () => {
    const flexibleTopic = cat(
      cstr('new'), i32(3), i16(1),
      carr(1), i32(0), carr(2), i32(1), i32(2), noTags,
      carr(1), cstr('cleanup.policy'), cstr('compact'), noTags,
      noTags,
    );
    roundTrip(ApiKey.CreateTopics, 5, { topics: [topic], timeoutMs: 5000, validateOnly: false }, cat(carr(1), flexibleTopic, i32(5000), bool(false), noTags), true);
  });
});
