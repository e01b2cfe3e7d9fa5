// Golden response frames assembled by hand from the wire rules: encodeResponse must produce exactly these
// bytes (size prefix and header included) and decodeResponse must read them back.

import { describe, expect, it } from 'vitest';
import { arr, bool, bytes, carr, cat, cstr, i16, i32, i64, i8, noTags, responseFrame, str, uv } from './fixtures/bytes';
import { ErrorCode } from '../../common/kafka-error-codes';
import { ApiKey, decodeResponse, encodeResponse } from './index';

const CORRELATION = 77;

// Decoded bodies are walked dynamically by the assertions below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function roundTrip(apiKey: number, version: number, body: object, bodyBytes: Buffer, flexibleHeader = false): any {
  const frame = responseFrame(CORRELATION, bodyBytes, flexibleHeader);
  expect(encodeResponse(apiKey, version, CORRELATION, body).toString('hex')).toBe(frame.toString('hex'));
  const { correlationId, body: decoded } = decodeResponse(apiKey, version, frame.subarray(4));
  expect(correlationId).toBe(CORRELATION);
  expect(decoded).toMatchObject(body);
  return decoded;
}

describe('ApiVersions response', () => {
  const apiKeys = [
    { apiKey: 0, minVersion: 3, maxVersion: 7 },
    { apiKey: 18, minVersion: 0, maxVersion: 2 },
  ];
  const keyBytes = cat(i16(0), i16(3), i16(7), i16(18), i16(0), i16(2));

  it('v0', () => {
    roundTrip(ApiKey.ApiVersions, 0, { errorCode: 0, apiKeys }, cat(i16(0), arr(2), keyBytes));
  });

  it('v0 carrying UNSUPPORTED_VERSION, as sent to a client that probed too high', () => {
    roundTrip(
      ApiKey.ApiVersions,
      0,
      { errorCode: ErrorCode.UNSUPPORTED_VERSION, apiKeys: [{ apiKey: 18, minVersion: 0, maxVersion: 2 }] },
      cat(i16(35), arr(1), i16(18), i16(0), i16(2)),
    );
  });

  it('v2 adds throttleTimeMs', () => {
    roundTrip(ApiKey.ApiVersions, 2, { errorCode: 0, apiKeys, throttleTimeMs: 0 }, cat(i16(0), arr(2), keyBytes, i32(0)));
  });

  it('v3 keeps response header v0 although its body is flexible; tagged features are written only when set', () => {
    const body = cat(i16(0), carr(2), i16(0), i16(3), i16(7), noTags, i16(18), i16(0), i16(2), noTags, i32(0));
    roundTrip(ApiKey.ApiVersions, 3, { errorCode: 0, apiKeys, throttleTimeMs: 0 }, cat(body, noTags), false);
    // FinalizedFeaturesEpoch (tag 1, int64) differs from its default -1, so it is written.
    const tagged = cat(uv(1), uv(1), uv(8), i64(5n));
    const d = roundTrip(ApiKey.ApiVersions, 3, { errorCode: 0, apiKeys, throttleTimeMs: 0, finalizedFeaturesEpoch: 5n }, cat(body, tagged));
    expect(d.zkMigrationReady).toBe(false);
  });
});

describe('Metadata response', () => {
  const partition = { errorCode: 0, partitionIndex: 0, leaderId: 1, replicaNodes: [1, 2], isrNodes: [1] };
  const partitionBytes = cat(i16(0), i32(0), i32(1), arr(2), i32(1), i32(2), arr(1), i32(1));

  it('v1: racks, controller, internal flag', () => {
    roundTrip(
      ApiKey.Metadata,
      1,
      {
        brokers: [{ nodeId: 1, host: 'localhost', port: 9092, rack: null }],
        controllerId: 1,
        topics: [{ errorCode: 0, name: 'orders', isInternal: false, partitions: [partition] }],
      },
      cat(arr(1), i32(1), str('localhost'), i32(9092), str(null), i32(1), arr(1), i16(0), str('orders'), bool(false), arr(1), partitionBytes),
    );
  });

  it('v4: throttle time and cluster id', () => {
    const d = roundTrip(
      ApiKey.Metadata,
      4,
      {
        throttleTimeMs: 0,
        brokers: [{ nodeId: 1, host: 'h', port: 1, rack: 'r1' }],
        clusterId: 'kafscope',
        controllerId: 1,
        topics: [{ errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, name: 'x', isInternal: false, partitions: [] }],
      },
      cat(i32(0), arr(1), i32(1), str('h'), i32(1), str('r1'), str('kafscope'), i32(1), arr(1), i16(3), str('x'), bool(false), arr(0)),
    );
    expect(d.topics[0].topicAuthorizedOperations).toBe(-2147483648);
  });
});

describe('Fetch response', () => {
  it('v11: session, aborted transactions, preferred replica, records kept byte for byte', () => {
    const records = Buffer.alloc(3000, 0xab);
    roundTrip(
      ApiKey.Fetch,
      11,
      {
        throttleTimeMs: 0,
        errorCode: 0,
        sessionId: 0,
        responses: [
          {
            topic: 'orders',
            partitions: [
              {
                partitionIndex: 0, errorCode: 0, highWatermark: 100n, lastStableOffset: 100n, logStartOffset: 0n,
                abortedTransactions: null, preferredReadReplica: -1, records,
              },
              {
                partitionIndex: 1, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE, highWatermark: -1n, lastStableOffset: -1n, logStartOffset: -1n,
                abortedTransactions: [{ producerId: 7n, firstOffset: 3n }], preferredReadReplica: -1, records: null,
              },
            ],
          },
        ],
      },
      cat(
        i32(0), i16(0), i32(0), arr(1), str('orders'), arr(2),
        i32(0), i16(0), i64(100n), i64(100n), i64(0n), arr(-1), i32(-1), bytes(records),
        i32(1), i16(1), i64(-1n), i64(-1n), i64(-1n), arr(1), i64(7n), i64(3n), i32(-1), bytes(null),
      ),
    );
  });
});

describe('ListOffsets response', () => {
  it('v1', () => {
    roundTrip(
      ApiKey.ListOffsets,
      1,
      { topics: [{ name: 't', partitions: [{ partitionIndex: 0, errorCode: 0, timestamp: -1n, offset: 12n }] }] },
      cat(arr(1), str('t'), arr(1), i32(0), i16(0), i64(-1n), i64(12n)),
    );
  });

  it('v2 adds throttleTimeMs', () => {
    roundTrip(
      ApiKey.ListOffsets,
      2,
      { throttleTimeMs: 0, topics: [{ name: 't', partitions: [{ partitionIndex: 0, errorCode: 0, timestamp: -1n, offset: 12n }] }] },
      cat(i32(0), arr(1), str('t'), arr(1), i32(0), i16(0), i64(-1n), i64(12n)),
    );
  });
});

describe('JoinGroup response', () => {
  it('v5', () => {
    const metadata = Buffer.from([0, 0]);
    roundTrip(
      ApiKey.JoinGroup,
      5,
      {
        throttleTimeMs: 0, errorCode: 0, generationId: 1, protocolName: 'range', leader: 'm-1', memberId: 'm-1',
        members: [{ memberId: 'm-1', groupInstanceId: null, metadata }],
      },
      cat(i32(0), i16(0), i32(1), str('range'), str('m-1'), str('m-1'), arr(1), str('m-1'), str(null), bytes(metadata)),
    );
  });
});

describe('CreateTopics response', () => {
  it('v5 (flexible): header v1, a known tagged field inside a nested struct', () => {
    const d = roundTrip(
      ApiKey.CreateTopics,
      5,
      {
        throttleTimeMs: 0,
        topics: [
          {
            name: 'new', errorCode: 0, errorMessage: null, topicConfigErrorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
            numPartitions: 3, replicationFactor: 1,
            configs: [{ name: 'retention.ms', value: '1000', readOnly: false, configSource: 5, isSensitive: false }],
          },
        ],
      },
      cat(
        i32(0), carr(1),
        cstr('new'), i16(0), cstr(null), i32(3), i16(1),
        carr(1), cstr('retention.ms'), cstr('1000'), bool(false), i8(5), bool(false), noTags,
        uv(1), uv(0), uv(2), i16(29),
        noTags,
      ),
      true,
    );
    expect(d.topics[0].topicConfigErrorCode).toBe(29);
  });
});
