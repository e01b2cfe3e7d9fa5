// The __consumer_offsets record formats, byte for byte: offset commit and group metadata keys and
// values as Kafka writes them, older versions read, truncated input refused.
import { describe, expect, it } from 'vitest';
import {
  decodeGroupMetadataValue,
  decodeKey,
  decodeOffsetCommitValue,
  encodeGroupMetadataKey,
  encodeGroupMetadataValue,
  encodeOffsetCommitKey,
  encodeOffsetCommitValue,
  type GroupMetadataValue,
} from './records';

// Expected bytes are written out by hand from Kafka's record schemas (big-endian; strings int16 length).
// `#` starts a comment that runs to the end of the line.
const hex = (s: string) => Buffer.from(s.replace(/#[^\n]*/g, '').replace(/\s+/g, ''), 'hex');

describe('offset commit records', () => {
  it('encodes the key as version 1, group, topic, partition', () => {
    expect(encodeOffsetCommitKey('g', 't', 1)).toEqual(
      hex(`0001   0001 67   0001 74   00000001`),
    );
  });

  it('encodes the value as version 3: offset, leader epoch, metadata, commit timestamp', () => {
    const value = encodeOffsetCommitValue({ offset: 5n, leaderEpoch: 2, metadata: 'm', commitTimestamp: 1000 });
    expect(value).toEqual(hex(`0003   0000000000000005   00000002   0001 6d   00000000000003e8`));
  });

  it('keeps negative offsets and reads its own value back', () => {
    const v = { offset: -2n, leaderEpoch: -1, metadata: '', commitTimestamp: 1_700_000_000_000 };
    const bytes = encodeOffsetCommitValue(v);
    expect(bytes.subarray(2, 10)).toEqual(hex('fffffffffffffffe'));
    expect(decodeOffsetCommitValue(bytes)).toEqual(v);
  });

  it('reads version 1 values (with an expire timestamp) written by older Kafka', () => {
    const v1 = hex(`0001   000000000000002a   0002 6869   0000000000000064   00000000000000c8`);
    expect(decodeOffsetCommitValue(v1)).toEqual({ offset: 42n, leaderEpoch: -1, metadata: 'hi', commitTimestamp: 100 });
  });

  it('decodes keys of both kinds and ignores unknown versions', () => {
    expect(decodeKey(hex(`0001 0001 67 0001 74 00000001`))).toEqual({ kind: 'offset', group: 'g', topic: 't', partition: 1 });
    expect(decodeKey(hex(`0000 0001 67 0001 74 00000007`))).toEqual({ kind: 'offset', group: 'g', topic: 't', partition: 7 });
    expect(decodeKey(hex(`0002 0001 67`))).toEqual({ kind: 'group', group: 'g' });
    expect(decodeKey(hex(`0005 0001 67`))).toBeNull();
  });

  it('rejects truncated values instead of inventing fields', () => {
    expect(() => decodeOffsetCommitValue(hex('0003 00000000'))).toThrow(RangeError);
  });
});

describe('group metadata records', () => {
  const group: GroupMetadataValue = {
    protocolType: 'consumer',
    generationId: 1,
    protocolName: 'range',
    leader: 'a',
    currentStateTimestamp: 1000,
    members: [
      {
        memberId: 'a',
        groupInstanceId: null,
        clientId: 'c',
        clientHost: '/h',
        rebalanceTimeoutMs: 300000,
        sessionTimeoutMs: 10000,
        subscription: Buffer.from([1, 2]),
        assignment: Buffer.from([3]),
      },
    ],
  };

  it('encodes the key as version 2 and the group id', () => {
    expect(encodeGroupMetadataKey('g')).toEqual(hex('0002 0001 67'));
  });

  it('encodes the value as GroupMetadata v3', () => {
    const expected = hex(`
      0003                       # version
      0008 636f6e73756d6572      # protocol type "consumer"
      00000001                   # generation
      0005 72616e6765            # protocol "range"
      0001 61                    # leader "a"
      00000000000003e8           # current state timestamp
      00000001                   # one member
        0001 61                  # member id
        ffff                     # group instance id (null)
        0001 63                  # client id
        0002 2f68                # client host "/h"
        000493e0                 # rebalance timeout 300000
        00002710                 # session timeout 10000
        00000002 0102            # subscription
        00000001 03              # assignment
    `);
    expect(encodeGroupMetadataValue(group)).toEqual(expected);
    expect(decodeGroupMetadataValue(expected)).toEqual(group);
  });

  it('writes null protocol and leader for an Empty group', () => {
    const empty = { protocolType: '', generationId: 3, protocolName: null, leader: null, currentStateTimestamp: -1, members: [] };
    const bytes = encodeGroupMetadataValue(empty);
    expect(bytes).toEqual(hex('0003 0000 00000003 ffff ffff ffffffffffffffff 00000000'));
    expect(decodeGroupMetadataValue(bytes)).toEqual(empty);
  });

  it('reads version 0 values, where one timeout served both purposes', () => {
    const v0 = hex('0000 0001 78 00000002 0001 70 0001 61 00000001 0001 61 0001 63 0001 68 00001388 00000000 00000000');
    expect(decodeGroupMetadataValue(v0)).toEqual({
      protocolType: 'x',
      generationId: 2,
      protocolName: 'p',
      leader: 'a',
      currentStateTimestamp: -1,
      members: [
        {
          memberId: 'a',
          groupInstanceId: null,
          clientId: 'c',
          clientHost: 'h',
          rebalanceTimeoutMs: 5000,
          sessionTimeoutMs: 5000,
          subscription: Buffer.alloc(0),
          assignment: Buffer.alloc(0),
        },
      ],
    });
  });
});
