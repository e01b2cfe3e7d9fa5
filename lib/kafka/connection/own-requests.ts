// Request definitions for the three APIs the console needs and kafkajs 2.2.4 does not implement:
// DescribeLogDirs (v0-1, topic and broker sizes), IncrementalAlterConfigs (v0, dynamic broker
// configs without replacing the whole set) and OffsetDelete (v0, forget a group's offsets of one
// topic). They are written in kafkajs' own shape (a version table of encode/decode pairs built on its
// Encoder and Decoder), so raw-requests.ts sends them through kafkajs' connections like its own:
// SASL, TLS, version negotiation and timeouts as configured. The field layouts follow Kafka's
// message definitions (non-flexible versions only); they are deliberately not the embedded broker's
// generated codec, so the two ends of every test are written independently.
import 'server-only';
import Decoder from 'kafkajs/src/protocol/decoder.js';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import type { RequestDefinition } from './kafkajs-types';

export const API_DESCRIBE_LOG_DIRS = 35;
export const API_INCREMENTAL_ALTER_CONFIGS = 44;
export const API_OFFSET_DELETE = 47;

type Version<A> = (args: A) => { encode(): Encoder; decode(d: Decoder): unknown };

/** A kafkajs request definition from one encoder/decoder pair per version. */
function definition<A>(apiKey: number, apiName: string, versions: Record<number, Version<A>>): RequestDefinition {
  return {
    versions: Object.keys(versions),
    protocol:
      ({ version }) =>
      (args: unknown) => {
        const v = versions[version]!(args as A);
        return {
          request: { apiKey, apiVersion: version, apiName, encode: async () => v.encode() },
          response: { decode: async (payload: Buffer) => v.decode(new Decoder(payload)), parse: async (x: unknown) => x },
        };
      },
  };
}

// DescribeLogDirs v0/v1 (v1 answers before throttling; the layout is the same):
//   request  => topics: nullable [name STRING, partitions [INT32]]
//   response => throttle_time_ms INT32, results [error_code INT16, log_dir STRING,
//               topics [name STRING, partitions [partition_index INT32, partition_size INT64,
//               offset_lag INT64, is_future_key BOOLEAN]]]
export interface LogDirsAnswer {
  results: {
    errorCode: number;
    logDir: string;
    topics: { name: string; partitions: { partition: number; size: string; offsetLag: string; isFuture: boolean }[] }[];
  }[];
}
const describeLogDirs: Version<{ topics: { name: string; partitions: number[] }[] | null }> = ({ topics }) => ({
  encode: () =>
    topics === null ? new Encoder().writeInt32(-1) : new Encoder().writeArray(topics.map((t) => new Encoder().writeString(t.name).writeArray(t.partitions, 'int32'))),
  decode: (d): LogDirsAnswer => {
    d.readInt32();
    return {
      results: d.readArray((r) => ({
        errorCode: r.readInt16(),
        logDir: r.readString() ?? '',
        topics: r.readArray((t) => ({
          name: t.readString() ?? '',
          partitions: t.readArray((p) => ({ partition: p.readInt32(), size: p.readInt64().toString(), offsetLag: p.readInt64().toString(), isFuture: p.readBoolean() })),
        })),
      })),
    };
  },
});
export const DescribeLogDirs = definition(API_DESCRIBE_LOG_DIRS, 'DescribeLogDirs', { 0: describeLogDirs, 1: describeLogDirs });

// IncrementalAlterConfigs v0:
//   request  => resources [resource_type INT8, resource_name STRING,
//               configs [name STRING, config_operation INT8, value NULLABLE_STRING]], validate_only BOOLEAN
//   response => throttle_time_ms INT32, responses [error_code INT16, error_message NULLABLE_STRING,
//               resource_type INT8, resource_name STRING]
export const CONFIG_OP = { SET: 0, DELETE: 1 } as const;
export interface IncrementalResource {
  type: number;
  name: string;
  configs: { name: string; op: number; value: string | null }[];
}
export interface ConfigChangeAnswer {
  resources: { errorCode: number; errorMessage: string | null; resourceType: number; resourceName: string }[];
}
const incrementalAlterConfigs: Version<{ resources: IncrementalResource[]; validateOnly: boolean }> = ({ resources, validateOnly }) => ({
  encode: () =>
    new Encoder()
      .writeArray(
        resources.map((r) =>
          new Encoder()
            .writeInt8(r.type)
            .writeString(r.name)
            .writeArray(r.configs.map((c) => new Encoder().writeString(c.name).writeInt8(c.op).writeString(c.value))),
        ),
      )
      .writeBoolean(validateOnly),
  decode: (d): ConfigChangeAnswer => {
    d.readInt32();
    return {
      resources: d.readArray((r) => ({ errorCode: r.readInt16(), errorMessage: r.readString(), resourceType: r.readInt8(), resourceName: r.readString() ?? '' })),
    };
  },
});
export const IncrementalAlterConfigs = definition(API_INCREMENTAL_ALTER_CONFIGS, 'IncrementalAlterConfigs', { 0: incrementalAlterConfigs });

// OffsetDelete v0:
//   request  => group_id STRING, topics [name STRING, partitions [partition_index INT32]]
//   response => error_code INT16, throttle_time_ms INT32,
//               topics [name STRING, partitions [partition_index INT32, error_code INT16]]
export interface OffsetDeleteAnswer {
  errorCode: number;
  topics: { name: string; partitions: { partition: number; errorCode: number }[] }[];
}
const offsetDelete: Version<{ groupId: string; topics: { name: string; partitions: number[] }[] }> = ({ groupId, topics }) => ({
  encode: () =>
    new Encoder().writeString(groupId).writeArray(topics.map((t) => new Encoder().writeString(t.name).writeArray(t.partitions, 'int32'))),
  decode: (d): OffsetDeleteAnswer => {
    const errorCode = d.readInt16();
    d.readInt32();
    return {
      errorCode,
      topics: d.readArray((t) => ({ name: t.readString() ?? '', partitions: t.readArray((p) => ({ partition: p.readInt32(), errorCode: p.readInt16() })) })),
    };
  },
});
export const OffsetDelete = definition(API_OFFSET_DELETE, 'OffsetDelete', { 0: offsetDelete });
