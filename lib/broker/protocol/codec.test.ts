// Version semantics of the table-driven codec: defaults for absent or missing fields, silently dropped
// fields, tagged fields (known and unknown), the API lookups, and the consumer embedded protocol.

import { describe, expect, it } from 'vitest';
import { arr, bytes, cat, cstr, i16, i32, i64, i8, noTags, requestFrame, str, uv } from './fixtures/bytes';
import {
  ApiKey,
  apiName,
  decodeConsumerAssignment,
  decodeConsumerSubscription,
  decodeRequest,
  decodeRequestHeader,
  encodeConsumerAssignment,
  encodeConsumerSubscription,
  encodeRequest,
  isFlexible,
  knownVersions,
  ProtocolError,
} from './index';

const body = (frame: Buffer): Buffer => {
  const inner = frame.subarray(4);
  return inner.subarray(decodeRequestHeader(inner).bodyOffset);
};

describe('defaults and version gaps on encode', () => {
  it('a missing value takes the JSON default', () => {
    // Metadata v4 allowAutoTopicCreation defaults to true; Fetch v4 isolationLevel to 0, maxBytes to 0x7fffffff.
    expect(body(encodeRequest(ApiKey.Metadata, 4, 1, null, { topics: [] })).toString('hex')).toBe('00000000' + '01');
    const fetch = body(encodeRequest(ApiKey.Fetch, 4, 1, null, { maxWaitMs: 1, minBytes: 1, topics: [] }));
    expect(fetch).toEqual(cat(i32(-1), i32(1), i32(1), i32(0x7fffffff), i8(0), arr(0)));
  });

  it('a value the version does not carry is dropped silently', () => {
    const base = { groupId: 'g', generationIdOrMemberEpoch: 1, memberId: 'm', topics: [] };
    const withRetention = encodeRequest(ApiKey.OffsetCommit, 5, 1, 'c', { ...base, retentionTimeMs: 5000n });
    expect(withRetention).toEqual(encodeRequest(ApiKey.OffsetCommit, 5, 1, 'c', base));
  });

  it('accepts a number where an int64 is expected', () => {
    const req = { replicaId: -1, topics: [{ name: 't', partitions: [{ partitionIndex: 0, timestamp: -1 }] }] };
    expect(body(encodeRequest(ApiKey.ListOffsets, 1, 1, null, req))).toEqual(cat(i32(-1), arr(1), str('t'), arr(1), i32(0), i64(-1n)));
  });

  it('null for a non-nullable string is written as the empty string', () => {
    const req = { groupId: null, sessionTimeoutMs: 1, memberId: '', protocolType: 'consumer', protocols: [] };
    expect(body(encodeRequest(ApiKey.JoinGroup, 0, 1, null, req))).toEqual(cat(str(''), i32(1), str(''), str('consumer'), arr(0)));
  });
});

describe('defaults on decode', () => {
  it('fields absent from the version read as defaults, nested ones too', () => {
    const frame = requestFrame(ApiKey.Fetch, 0, 9, 'c', cat(i32(-1), i32(5), i32(1), arr(1), str('t'), arr(1), i32(0), i64(0n), i32(10)));
    const decoded = decodeRequest(ApiKey.Fetch, 0, frame.subarray(4), decodeRequestHeader(frame.subarray(4)).bodyOffset);
    expect(decoded).toMatchObject({ maxBytes: 0x7fffffff, isolationLevel: 0, sessionEpoch: -1, rackId: '', forgottenTopicsData: [] });
    expect(decoded.topics[0].partitions[0]).toMatchObject({ currentLeaderEpoch: -1, logStartOffset: -1n });
    expect(decoded.clusterId).toBeNull();
  });

  it('byte fields are views of the frame, not copies', () => {
    const records = Buffer.from('cafebabe', 'hex');
    const frame = encodeRequest(ApiKey.Produce, 3, 1, null, { acks: 1, timeoutMs: 1, topicData: [{ name: 't', partitionData: [{ index: 0, records }] }] });
    const inner = frame.subarray(4);
    const decoded = decodeRequest(ApiKey.Produce, 3, inner, decodeRequestHeader(inner).bodyOffset);
    const got: Buffer = decoded.topicData[0].partitionData[0].records;
    expect(got).toEqual(records);
    expect(got.buffer).toBe(inner.buffer);
  });
});

describe('tagged fields', () => {
  const fetchV12 = {
    maxWaitMs: 1, minBytes: 1, maxBytes: 1, isolationLevel: 0, sessionId: 0, sessionEpoch: -1, topics: [], forgottenTopicsData: [], rackId: '',
  };
  const fixedPart = cat(i32(-1), i32(1), i32(1), i32(1), i8(0), i32(0), i32(-1), uv(1), uv(1), cstr(''));

  it('a known tag is written only when it differs from its default, and read back', () => {
    expect(body(encodeRequest(ApiKey.Fetch, 12, 1, null, fetchV12))).toEqual(cat(fixedPart, noTags));
    const frame = encodeRequest(ApiKey.Fetch, 12, 1, null, { ...fetchV12, clusterId: 'c' });
    expect(body(frame)).toEqual(cat(fixedPart, uv(1), uv(0), uv(2), cstr('c')));
    const inner = frame.subarray(4);
    expect(decodeRequest(ApiKey.Fetch, 12, inner, decodeRequestHeader(inner).bodyOffset).clusterId).toBe('c');
  });

  it('unknown tags are skipped, in the header and in the body', () => {
    const unknown = cat(uv(1), uv(42), uv(3), Buffer.from('010203', 'hex'));
    const payload = cat(i16(ApiKey.ApiVersions), i16(3), i32(5), str('x'), unknown, cstr('n'), cstr('v'), unknown);
    const { header, bodyOffset } = decodeRequestHeader(payload);
    expect(header).toEqual({ apiKey: 18, apiVersion: 3, correlationId: 5, clientId: 'x' });
    expect(decodeRequest(18, 3, payload, bodyOffset)).toEqual({ clientSoftwareName: 'n', clientSoftwareVersion: 'v' });
  });

  it('the flexible request header keeps the int16-length client id', () => {
    const frame = encodeRequest(ApiKey.ApiVersions, 3, 1, 'abc', {});
    expect(frame.subarray(4, 4 + 8 + 5 + 1).toString('hex')).toBe('00120003' + '00000001' + '0003616263' + '00');
    const nullClient = encodeRequest(ApiKey.ApiVersions, 3, 1, null, {});
    expect(decodeRequestHeader(nullClient.subarray(4)).header.clientId).toBeNull();
  });
});

describe('API lookups', () => {
  it('names and keys come from the definitions', () => {
    expect(ApiKey).toMatchObject({ Produce: 0, Fetch: 1, Metadata: 3, ApiVersions: 18, SaslAuthenticate: 36, CreatePartitions: 37, DeleteGroups: 42 });
    expect(apiName(19)).toBe('CreateTopics');
    expect(apiName(999)).toBe('Unknown(999)');
  });

  it('flexibility follows flexibleVersions, also past the known maximum', () => {
    expect(isFlexible(ApiKey.Metadata, 8, 'request')).toBe(false);
    expect(isFlexible(ApiKey.Metadata, 9, 'request')).toBe(true);
    expect(isFlexible(ApiKey.ApiVersions, 3, 'response')).toBe(true);
    expect(isFlexible(ApiKey.ApiVersions, 7, 'request')).toBe(true);
    expect(isFlexible(ApiKey.SaslHandshake, 1, 'request')).toBe(false);
    expect(isFlexible(999, 0, 'request')).toBe(false);
  });

  it('knownVersions is the validVersions range', () => {
    expect(knownVersions(ApiKey.Fetch)).toEqual({ min: 0, max: 16 });
    expect(knownVersions(ApiKey.ApiVersions)).toEqual({ min: 0, max: 3 });
    expect(knownVersions(999)).toBeUndefined();
  });

  it('a request version outside validVersions is a ProtocolError, an unknown key too', () => {
    const frame = requestFrame(ApiKey.ApiVersions, 9, 1, 'c', Buffer.alloc(0), true);
    const { header, bodyOffset } = decodeRequestHeader(frame.subarray(4));
    expect(header.apiVersion).toBe(9);
    expect(() => decodeRequest(18, 9, frame.subarray(4), bodyOffset)).toThrow(ProtocolError);
    expect(() => decodeRequestHeader(requestFrame(999, 0, 1, 'c', Buffer.alloc(0)).subarray(4))).toThrow(/unknown api key 999/);
  });
});

describe('consumer embedded protocol', () => {
  it('reads a v0 subscription assembled by hand', () => {
    const blob = cat(i16(0), arr(2), str('a'), str('b'), bytes(null));
    expect(decodeConsumerSubscription(blob)).toMatchObject({ version: 0, topics: ['a', 'b'], userData: null, ownedPartitions: [] });
  });

  it('round-trips a v3 subscription with owned partitions and rack', () => {
    const sub = { topics: ['t'], userData: Buffer.from([1]), ownedPartitions: [{ topic: 't', partitions: [0, 2] }], generationId: 4, rackId: 'r' };
    expect(decodeConsumerSubscription(encodeConsumerSubscription(3, sub))).toEqual({ ...sub, version: 3 });
  });

  it('reads an assignment, and a version newer than known as the newest', () => {
    const blob = cat(i16(7), arr(1), str('t'), arr(2), i32(0), i32(1), bytes(Buffer.from('ud')));
    expect(decodeConsumerAssignment(blob)).toEqual({ version: 7, assignedPartitions: [{ topic: 't', partitions: [0, 1] }], userData: Buffer.from('ud') });
    const encoded = encodeConsumerAssignment(1, { assignedPartitions: [], userData: null });
    expect(encoded).toEqual(cat(i16(1), arr(0), bytes(null)));
  });

  it('a truncated blob is a ProtocolError', () => {
    expect(() => decodeConsumerAssignment(cat(i16(0), arr(1), str('t')))).toThrow(ProtocolError);
    expect(() => decodeConsumerSubscription(Buffer.from([0]))).toThrow(ProtocolError);
  });
});
