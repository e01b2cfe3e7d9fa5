// OffsetFetch v8 (KIP-709, Kafka 3.0+): the committed offsets of many groups in one request. kafkajs
// stops at v4, one group per request, and at 10,000 groups the round trips were most of the cost of
// the lag-sorted group list and of the topic page of a topic every group consumes. This is the one
// request definition the access layer writes itself; the request is built with kafkajs' own Encoder
// (not with the embedded broker's codec, so the two ends of a test stay independent), the answer is
// read straight from its bytes (decodeResponse), both following the field layout of Kafka's
// OffsetFetchRequest/Response.json for version 8.
//
// v8 is a "flexible" version: compact strings and arrays, and tagged fields after every structure —
// including after the request header's client id and the response header's correlation id, which
// kafkajs (written before flexible versions) neither writes nor reads. The request body therefore
// starts with the header's empty tagged fields, and the decoder skips the response header's.
import 'server-only';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import apiKeys from 'kafkajs/src/protocol/requests/apiKeys.js';
import type { RequestDefinition } from './kafkajs-types';

/** The API key from kafkajs' own table, as raw-requests.ts takes every other one. */
const OFFSET_FETCH_KEY = apiKeys.OffsetFetch!;
const MANY_GROUPS_VERSION = 8;

/** One group's answer: its error, and its commits — partitions answered without an error and with
 * an offset (not -1, "nothing committed"), offsets as exact 64-bit bigints. */
export interface GroupOffsetsAnswer {
  groupId: string;
  errorCode: number;
  commits: { topic: string; partition: number; offset: bigint }[];
}

const NO_TAGGED_FIELDS = 0;
const uvarintSize = (n: number) => (n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5);

/** Written into one buffer of the exact size: kafkajs' Encoder would grow (copy) it as it fills. */
function encodeRequest(groupIds: string[]): Encoder {
  const lengths = groupIds.map((id) => Buffer.byteLength(id, 'utf8'));
  let size = 1 + uvarintSize(groupIds.length + 1) + 2;
  for (const n of lengths) size += uvarintSize(n + 1) + n + 2;
  const e = new Encoder(size);
  e.writeUVarInt(NO_TAGGED_FIELDS); // request header v2's tagged fields
  e.writeUVarInt(groupIds.length + 1);
  groupIds.forEach((id) => {
    e.writeUVarIntString(id);
    e.writeUVarInt(0); // topics: null, every committed offset of the group
    e.writeUVarInt(NO_TAGGED_FIELDS);
  });
  e.writeBoolean(false); // require_stable
  e.writeUVarInt(NO_TAGGED_FIELDS);
  return e;
}

/** Reads the answer straight from its bytes (no kafkajs Decoder): at 10,000 groups on 13 partitions
 * each, the Decoder's Long per offset, its decimal text and a buffer slice per string were most of
 * the cost of a cold lag-sorted list and of its garbage. A topic's name is read once for all its
 * partitions. */
function decodeResponse(raw: Buffer): { groups: GroupOffsetsAnswer[] } {
  let at = 0;
  const uvarint = () => {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = raw[at++]!;
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
    throw new Error('OffsetFetch answer: malformed varint');
  };
  const skipTaggedFields = () => {
    for (let n = uvarint(); n > 0; n--) {
      uvarint(); // tag
      at += uvarint(); // size, then the field
    }
  };
  const string = () => {
    const n = uvarint() - 1;
    if (n < 0) return '';
    at += n;
    return raw.toString('utf8', at - n, at);
  };
  const skipString = () => {
    const n = uvarint() - 1;
    if (n > 0) at += n;
  };
  if (raw.length < 5) throw new Error('OffsetFetch answer: truncated');
  skipTaggedFields(); // response header v1's tagged fields
  at += 4; // throttle_time_ms
  const groups: GroupOffsetsAnswer[] = [];
  for (let g = uvarint() - 1; g > 0; g--) {
    const groupId = string();
    const commits: GroupOffsetsAnswer['commits'] = [];
    for (let t = uvarint() - 1; t > 0; t--) {
      const topic = string();
      for (let p = uvarint() - 1; p > 0; p--) {
        const partition = raw.readInt32BE(at);
        const offset = raw.readBigInt64BE(at + 4);
        at += 16; // partition_index, committed_offset, committed_leader_epoch
        skipString(); // metadata
        const errorCode = raw.readInt16BE(at);
        at += 2;
        skipTaggedFields();
        if (errorCode === 0 && offset >= 0n) commits.push({ topic, partition, offset });
      }
      skipTaggedFields();
    }
    const errorCode = raw.readInt16BE(at);
    at += 2;
    skipTaggedFields();
    groups.push({ groupId, errorCode, commits });
  }
  if (at > raw.length) throw new Error('OffsetFetch answer: truncated');
  return { groups };
}

/** A kafkajs request definition with version 8 only; `lookupRequest` picks it when the broker's
 * range reaches 8 (callers check `supportsManyGroups` first). */
export const OffsetFetchManyGroups: RequestDefinition = {
  versions: [String(MANY_GROUPS_VERSION)],
  protocol: () => (args: unknown) => {
    const { groupIds } = args as { groupIds: string[] };
    return {
      request: { apiKey: OFFSET_FETCH_KEY, apiVersion: MANY_GROUPS_VERSION, apiName: 'OffsetFetch', encode: async () => encodeRequest(groupIds) },
      response: { decode: async (raw: Buffer) => decodeResponse(raw), parse: async (decoded: unknown) => decoded },
    };
  },
};

/** Whether this broker answers OffsetFetch for many groups at once. */
export function supportsManyGroups(versions: Record<number, { maxVersion: number }> | null): boolean {
  return (versions?.[OFFSET_FETCH_KEY]?.maxVersion ?? -1) >= MANY_GROUPS_VERSION;
}
