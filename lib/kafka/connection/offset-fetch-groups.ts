// OffsetFetch v8 (KIP-709, Kafka 3.0+): the committed offsets of many groups in one request. kafkajs
// stops at v4, one group per request, and at 10,000 groups the round trips were most of the cost of
// the lag-sorted group list and of the topic page of a topic every group consumes. This is the one
// request definition the access layer writes itself; it is built from kafkajs' own Encoder and
// Decoder (not from the embedded broker's codec, so the two ends of a test stay independent) and
// follows the field layout of Kafka's OffsetFetchRequest/Response.json for version 8.
//
// v8 is a "flexible" version: compact strings and arrays, and tagged fields after every structure —
// including after the request header's client id and the response header's correlation id, which
// kafkajs (written before flexible versions) neither writes nor reads. The request body therefore
// starts with the header's empty tagged fields, and the decoder skips the response header's.
import 'server-only';
import Decoder from 'kafkajs/src/protocol/decoder.js';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import apiKeys from 'kafkajs/src/protocol/requests/apiKeys.js';
import type { RequestDefinition } from './kafkajs-types';

/** The API key from kafkajs' own table, as raw-requests.ts takes every other one. */
const OFFSET_FETCH_KEY = apiKeys.OffsetFetch!;
const MANY_GROUPS_VERSION = 8;

export interface GroupOffsetsAnswer {
  groupId: string;
  errorCode: number;
  responses: { topic: string; partitions: { partition: number; offset: string; errorCode: number }[] }[];
}

const NO_TAGGED_FIELDS = 0;

function encodeRequest(groupIds: string[]): Encoder {
  const e = new Encoder();
  e.writeUVarInt(NO_TAGGED_FIELDS); // request header v2's tagged fields
  e.writeUVarInt(groupIds.length + 1);
  for (const id of groupIds) {
    e.writeUVarIntString(id);
    e.writeUVarInt(0); // topics: null, every committed offset of the group
    e.writeUVarInt(NO_TAGGED_FIELDS);
  }
  e.writeBoolean(false); // require_stable
  e.writeUVarInt(NO_TAGGED_FIELDS);
  return e;
}

function decodeResponse(raw: Buffer): { groups: GroupOffsetsAnswer[] } {
  const d = new Decoder(raw);
  d.readTaggedFields(); // response header v1's tagged fields
  d.readInt32(); // throttle_time_ms
  const groups =
    d.readUVarIntArray((g) => {
      const groupId = g.readUVarIntString() ?? '';
      const responses =
        g.readUVarIntArray((t) => {
          const topic = t.readUVarIntString() ?? '';
          const partitions =
            t.readUVarIntArray((p) => {
              const partition = p.readInt32();
              const offset = p.readInt64().toString();
              p.readInt32(); // committed_leader_epoch
              p.readUVarIntString(); // metadata
              const errorCode = p.readInt16();
              p.readTaggedFields();
              return { partition, offset, errorCode };
            }) ?? [];
          t.readTaggedFields();
          return { topic, partitions };
        }) ?? [];
      const errorCode = g.readInt16();
      g.readTaggedFields();
      return { groupId, errorCode, responses };
    }) ?? [];
  d.readTaggedFields();
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
