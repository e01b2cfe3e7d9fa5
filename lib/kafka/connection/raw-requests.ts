// Kafka requests sent through kafkajs' own broker connections — so SASL, TLS, version negotiation
// and request timeouts stay exactly as configured — but decoded without kafkajs' "parse" step, which
// throws on the first error code anywhere in a response. Kafka reports errors as values: a
// leaderless partition in Metadata, one group's NOT_COORDINATOR in DescribeGroups, one resource's
// error in DescribeConfigs. A console must show the rest of the answer, not fail the page.
//
// Metadata matters most: kafkajs refuses a Metadata response holding a LEADER_NOT_AVAILABLE
// partition, which is what Kafka answers for every partition of a stopped broker. tolerateLeaderless
// makes the brokers a Cluster creates answer metadata() with errors as values, so the Cluster's own
// refreshes (connect, findBroker, the admin's and producer's) keep working while a partition is
// offline; a request that needs the missing leader still fails, on its own.
//
// The request definitions come from kafkajs itself (node_modules/kafkajs/src/protocol/requests):
// the negotiated version picks the encoder and decoder, we only leave out the throwing parse. Where
// kafkajs has no definition, ours are written in its shape, on its Encoder and Decoder:
// own-requests.ts (DescribeLogDirs, IncrementalAlterConfigs, OffsetDelete) and
// offset-fetch-groups.ts (OffsetFetch v8, many groups per request; flexible, so on its own). Three
// answers that dominate the cost at 10,000 groups or 200,000 partitions are read by hand, straight
// from their bytes: Metadata (metadata-response.ts; a test compares it with kafkajs' decoder),
// ListOffsets (list-offsets.ts) and OffsetFetch v8 — each from Kafka's message definitions, apart
// from the broker's codec. This is the only module that sends requests below kafkajs' public API.
// Why not the project's own sans-io codec (lib/broker/protocol), which could encode these too?
// Because then one table would sit on both ends of every test: the embedded broker decodes with
// it, so a field the codec gets wrong would round-trip unnoticed, and the access layer would lose
// the one independent check it has against real Kafka clusters of many versions (kafkajs'
// definitions have talked to them for years). Error codes come from lib/common/kafka-error-codes, not from kafkajs' table.
import 'server-only';
import AlterConfigs from 'kafkajs/src/protocol/requests/alterConfigs/index.js';
import apiKeys from 'kafkajs/src/protocol/requests/apiKeys.js';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import DescribeAcls from 'kafkajs/src/protocol/requests/describeAcls/index.js';
import DescribeConfigs from 'kafkajs/src/protocol/requests/describeConfigs/index.js';
import DescribeGroups from 'kafkajs/src/protocol/requests/describeGroups/index.js';
import Fetch from 'kafkajs/src/protocol/requests/fetch/index.js';
import ListGroups from 'kafkajs/src/protocol/requests/listGroups/index.js';
import ListOffsets from 'kafkajs/src/protocol/requests/listOffsets/index.js';
import Metadata from 'kafkajs/src/protocol/requests/metadata/index.js';
import OffsetFetch from 'kafkajs/src/protocol/requests/offsetFetch/index.js';
import { LIST_OFFSETS_MAX_VERSION, LIST_OFFSETS_MIN_VERSION, decodeListOffsets, encodeListOffsets, type ListOffsetsAsk, type OffsetFound } from './list-offsets';
import { METADATA_MAX_VERSION, decodeMetadata } from './metadata-response';
import { OffsetFetchManyGroups, supportsManyGroups, type GroupOffsetsAnswer } from './offset-fetch-groups';
import type { ProtocolRequest, RawBroker, RawCluster, RawMetadata, RequestDefinition } from './kafkajs-types';
import {
  API_DESCRIBE_LOG_DIRS,
  API_INCREMENTAL_ALTER_CONFIGS,
  API_OFFSET_DELETE,
  DescribeLogDirs,
  IncrementalAlterConfigs,
  OffsetDelete,
  type ConfigChangeAnswer,
  type IncrementalResource,
  type LogDirsAnswer,
  type OffsetDeleteAnswer,
} from './own-requests';

const keepDecoded = async (decoded: unknown) => decoded;
const key = (name: string | number): number => {
  if (typeof name === 'number') return name;
  const k = apiKeys[name];
  if (k === undefined) throw new Error(`kafkajs has no API key named ${name}`);
  return k;
};

async function sendDecoded<T>(
  broker: RawBroker,
  apiName: string | number,
  definition: RequestDefinition,
  args: unknown,
  adjust?: (r: ProtocolRequest) => ProtocolRequest,
): Promise<T> {
  const built = broker.lookupRequest(key(apiName), definition)(args);
  const req: ProtocolRequest = { request: built.request, response: { decode: built.response.decode, parse: keepDecoded } };
  try {
    return (await broker.connectionPool.send(adjust ? adjust(req) : req)) as T;
  } catch (e) {
    // What kafkajs' own send does: a closed connection is dropped so the next call reconnects.
    if ((e as { name?: string }).name === 'KafkaJSConnectionClosedError') await broker.disconnect().catch(() => undefined);
    throw e;
  }
}

/** Metadata of `topics` (all when empty), with per-topic and per-partition error codes as values. */
export function fetchMetadata(broker: RawBroker, topics: string[] = []): Promise<RawMetadata> {
  // Read by hand (metadata-response.ts), each topic's partitions when first used.
  return sendDecoded(broker, 'Metadata', Metadata, { topics, allowAutoTopicCreation: false }, (r) =>
    r.request.apiVersion > METADATA_MAX_VERSION ? r : { request: r.request, response: { decode: async (raw: Buffer) => decodeMetadata(r.request.apiVersion, raw), parse: keepDecoded } },
  );
}

const TOLERANT = Symbol('kafscope.tolerantMetadata');

/** Makes every broker `cluster` creates from now on answer metadata() without throwing on a
 * leaderless partition. Call before the cluster connects (it creates its brokers on connect). */
export function tolerateLeaderless(cluster: RawCluster): RawCluster {
  const pool = cluster.brokerPool as RawCluster['brokerPool'] & { [TOLERANT]?: true };
  if (pool[TOLERANT]) return cluster;
  pool[TOLERANT] = true;
  const create = pool.createBroker;
  pool.createBroker = (options: unknown) => {
    const broker = create(options);
    broker.metadata = (topics: string[] = []) => fetchMetadata(broker, topics);
    return broker;
  };
  return cluster;
}

/** The same for every cluster one Kafka object builds — its admin and producer too, so creating a
 * topic or producing to a partition that has a leader works while another partition is offline.
 * kafkajs builds each client's Cluster with a function it keeps on the Kafka object under a private
 * symbol (kafkajs 2.2.4, src/index.js); we wrap that function on this object only. */
export function tolerateLeaderlessIn(kafka: object): void {
  const holder = kafka as Record<symbol, unknown>;
  const key = Object.getOwnPropertySymbols(kafka).find((s) => s.description === 'private:Kafka:createCluster');
  const create = key && holder[key];
  if (!key || typeof create !== 'function') throw new Error('kafkajs no longer builds clusters the way raw-requests.ts expects');
  holder[key] = (options: unknown) => tolerateLeaderless((create as (o: unknown) => RawCluster)(options));
}

export interface ListGroupsAnswer {
  errorCode: number;
  groups: { groupId: string; protocolType: string }[];
}
/** The groups this broker coordinates (Kafka lists only those, so asking every broker lists all once). */
export const listGroupsOn = (broker: RawBroker) => sendDecoded<ListGroupsAnswer>(broker, 'ListGroups', ListGroups, undefined);

export interface DescribedGroup {
  errorCode: number;
  groupId: string;
  state: string;
  protocolType: string;
  protocol: string;
  members: { memberId: string; clientId: string; clientHost: string; memberAssignment: Buffer | null }[];
}
/** Many groups in one DescribeGroups; each group's error code is in its own entry. */
export const describeGroupsOn = (broker: RawBroker, groupIds: string[]) =>
  sendDecoded<{ groups: DescribedGroup[] }>(broker, 'DescribeGroups', DescribeGroups, { groupIds });

export interface OffsetFetchAnswer {
  /** Top-level error (v2+). */
  errorCode?: number;
  responses: { topic: string; partitions: { partition: number; offset: string; errorCode: number }[] }[];
}
/** Every offset each of `groupIds` has committed, in one OffsetFetch v8 to their coordinator; null
 * when the broker cannot answer for many groups at once (before Kafka 3.0): ask per group then. */
export async function fetchOffsetsOfGroups(broker: RawBroker, groupIds: string[]): Promise<GroupOffsetsAnswer[] | null> {
  if (!supportsManyGroups(broker.versions)) return null;
  const { groups } = await sendDecoded<{ groups: GroupOffsetsAnswer[] }>(broker, 'OffsetFetch', OffsetFetchManyGroups, { groupIds });
  return groups;
}

/** Every offset a group has committed: OffsetFetch v2+ with a null topic list (as Kafka defines it;
 * kafkajs would send an empty list). v1 (Kafka before 0.10.2) has no such form; it gets the empty list. */
export function fetchGroupOffsets(broker: RawBroker, groupId: string): Promise<OffsetFetchAnswer> {
  return sendDecoded<OffsetFetchAnswer>(broker, 'OffsetFetch', OffsetFetch, { groupId, topics: [] }, (r) =>
    r.request.apiVersion < 2 ? r : { ...r, request: { ...r.request, encode: async () => new Encoder().writeString(groupId).writeInt32(-1) } },
  );
}

/** ListOffsets of many partitions of this broker (their leader) for one timestamp, each partition
 * handed to `found` with its own error code (list-offsets.ts). False, sending nothing, when the
 * broker speaks only v0 (before Kafka 0.10.1): the caller asks through kafkajs then. */
export async function listOffsetsOn(broker: RawBroker, ask: ListOffsetsAsk, found: OffsetFound): Promise<boolean> {
  const version = Math.min(broker.versions?.[key('ListOffsets')]?.maxVersion ?? 0, LIST_OFFSETS_MAX_VERSION);
  if (version < LIST_OFFSETS_MIN_VERSION) return false;
  await sendDecoded(broker, 'ListOffsets', ListOffsets, { isolationLevel: ask.isolationLevel, topics: [] }, (r) => ({
    request: { ...r.request, apiVersion: version, encode: async () => encodeListOffsets(version, ask) },
    response: { decode: async (raw: Buffer) => decodeListOffsets(version, raw, found), parse: keepDecoded },
  }));
  return true;
}

export interface DescribedConfigResource {
  errorCode: number;
  resourceType: number;
  resourceName: string;
  configEntries: {
    configName: string;
    configValue: string | null;
    isDefault?: boolean;
    configSource?: number;
    isSensitive?: boolean;
    readOnly?: boolean;
  }[];
}
export const describeConfigsOn = (broker: RawBroker, resources: { type: number; name: string }[]) =>
  sendDecoded<{ resources: DescribedConfigResource[] }>(broker, 'DescribeConfigs', DescribeConfigs, { resources, includeSynonyms: false });

export interface AlterConfigsAnswer {
  resources: { errorCode: number; errorMessage: string | null; resourceType: number; resourceName: string }[];
}
/** AlterConfigs with Kafka's per-resource error message kept (kafkajs' parse drops it, leaving only
 * "Configuration is invalid" where Kafka said which key and why). */
export const alterConfigsOn = (
  broker: RawBroker,
  resources: { type: number; name: string; configEntries: { name: string; value: string }[] }[],
  validateOnly = false,
) => sendDecoded<AlterConfigsAnswer>(broker, 'AlterConfigs', AlterConfigs, { resources, validateOnly });

export interface DescribeAclsFilter {
  resourceType: number;
  resourceName: string | null;
  resourcePatternType: number;
  principal: string | null;
  host: string | null;
  operation: number;
  permissionType: number;
}
export interface DescribeAclsAnswer {
  errorCode: number;
  errorMessage: string | null;
  resources: {
    resourceType: number;
    resourceName: string;
    /** v1+; absent (LITERAL) from a v0 answer. */
    resourcePatternType?: number;
    acls: { principal: string; host: string; operation: number; permissionType: number }[];
  }[];
}
/** DescribeAcls with the error as a value: SECURITY_DISABLED (no authorizer) is an answer to show,
 * not a failure, and Kafka's message says why. */
export const describeAclsOn = (broker: RawBroker, filter: DescribeAclsFilter) => sendDecoded<DescribeAclsAnswer>(broker, 'DescribeAcls', DescribeAcls, filter);

/** The partitions this broker hosts, per log dir, with their size on disk (all topics when null). */
export const describeLogDirsOn = (broker: RawBroker, topics: { name: string; partitions: number[] }[] | null) =>
  sendDecoded<LogDirsAnswer>(broker, API_DESCRIBE_LOG_DIRS, DescribeLogDirs, { topics });

/** IncrementalAlterConfigs: SET or DELETE single keys, leaving the others as they are. */
export const incrementalAlterConfigsOn = (broker: RawBroker, resources: IncrementalResource[], validateOnly = false) =>
  sendDecoded<ConfigChangeAnswer>(broker, API_INCREMENTAL_ALTER_CONFIGS, IncrementalAlterConfigs, { resources, validateOnly });

/** OffsetDelete, to the group's coordinator: the group-level error and each partition's. */
export const offsetDeleteOn = (broker: RawBroker, groupId: string, topics: { name: string; partitions: number[] }[]) =>
  sendDecoded<OffsetDeleteAnswer>(broker, API_OFFSET_DELETE, OffsetDelete, { groupId, topics });

/** Whether the broker (as negotiated at connect) serves this API key at all. */
export const supports = (broker: RawBroker, apiKey: number) => Boolean(broker.versions?.[apiKey]);
export interface RawFetchPartition {
  errorCode: number;
  highWatermark: bigint;
  /** The partition's record batches exactly as the broker sent them (the last may be cut short). */
  records: Buffer | null;
}

/** Reads a Fetch response of any version kafkajs may negotiate (4-11) down to each partition's raw
 * record set, leaving the record batches undecoded: a search scans them itself (search/record-batches.ts). */
function decodeFetchRaw(version: number, data: Buffer): RawFetchPartition[] {
  let at = 0;
  const i16 = () => ((at += 2), data.readInt16BE(at - 2));
  const i32 = () => ((at += 4), data.readInt32BE(at - 4));
  const i64 = () => ((at += 8), data.readBigInt64BE(at - 8));
  at += 4; // throttle_time_ms
  if (version >= 7) at += 6; // error_code, session_id
  const out: RawFetchPartition[] = [];
  for (let t = i32(); t > 0; t--) {
    at += 2 + data.readInt16BE(at); // topic name
    for (let p = i32(); p > 0; p--) {
      at += 4; // partition
      const errorCode = i16();
      const highWatermark = i64();
      at += 8; // last_stable_offset
      if (version >= 5) at += 8; // log_start_offset
      const aborted = i32();
      if (aborted > 0) at += aborted * 16;
      if (version >= 11) at += 4; // preferred_read_replica
      const size = i32();
      const records = size < 0 ? null : data.subarray(at, at + size);
      if (size > 0) at += size;
      out.push({ errorCode, highWatermark, records });
    }
  }
  return out;
}

/** Counts for bench/search-probe.ts: raw fetches answered and their record bytes, and the batches a
 * search's reads saw, the batches it opened and the records it opened (search/scan-reader.ts). */
export const fetchStats = { count: 0, bytes: 0, batches: 0, opened: 0, records: 0 };

/** Fetch of one partition, answered with its raw record batches (READ_UNCOMMITTED, no wait). */
export async function fetchRaw(broker: RawBroker, req: { topic: string; partition: number; offset: bigint; maxBytes: number }): Promise<RawFetchPartition> {
  const args = {
    replicaId: -1,
    isolationLevel: 0,
    maxWaitTime: 0,
    minBytes: 1,
    maxBytes: req.maxBytes,
    topics: [{ topic: req.topic, partitions: [{ partition: req.partition, fetchOffset: req.offset.toString(), maxBytes: req.maxBytes }] }],
  };
  const built = broker.lookupRequest(key('Fetch'), Fetch)(args);
  const version = built.request.apiVersion;
  const decoded = await sendDecoded<RawFetchPartition[]>(broker, 'Fetch', Fetch, args, (r) => ({ ...r, response: { decode: async (payload: Buffer) => decodeFetchRaw(version, payload), parse: async (d: unknown) => d } }));
  fetchStats.count++;
  fetchStats.bytes += decoded[0]?.records?.length ?? 0;
  return decoded[0] ?? { errorCode: 0, highWatermark: -1n, records: null };
}
