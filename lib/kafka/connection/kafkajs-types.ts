// The slice of kafkajs' runtime API this layer uses but its type declarations leave out or type
// loosely (Cluster.metadata with topics, Broker.listOffsets, the decoded Fetch response). Declared
// once here so the rest of lib/kafka is typed against what kafkajs 2.2.4 really does.
import 'server-only';

export interface RawPartitionMetadata {
  partitionErrorCode: number;
  partitionId: number;
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas?: number[];
}

export interface RawMetadata {
  clusterId?: string | null;
  controllerId?: number | null;
  brokers: { nodeId: number; host: string; port: number; rack?: string | null }[];
  topicMetadata: { topicErrorCode: number; topic: string; isInternal?: boolean; partitionMetadata: RawPartitionMetadata[] }[];
}

export interface RawRecord {
  offset: string;
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  headers?: Record<string, Buffer | null | (Buffer | null)[]>;
  isControlRecord?: boolean;
  batchContext?: { inTransaction?: boolean; timestampType?: number };
}

export interface RawFetchResponse {
  responses: {
    topicName: string;
    partitions: { partition: number; errorCode: number; highWatermark: string; logStartOffset?: string; messages: RawRecord[] }[];
  }[];
}

/** A request/response pair as kafkajs' request definitions build them: encode, decode, parse. */
export interface ProtocolRequest {
  request: { apiKey: number; apiVersion: number; apiName: string; encode(): Promise<unknown> };
  response: { decode(payload: Buffer): Promise<unknown>; parse(decoded: unknown): Promise<unknown> };
}
export type RequestDefinition = {
  versions: string[];
  protocol(options: { version: number }): (args: unknown) => { request: unknown; response: unknown };
};

export interface RawBroker {
  nodeId?: number;
  /** Negotiated at connect: the broker's version range per API key. */
  versions: Record<number, { minVersion: number; maxVersion: number }> | null;
  lookupRequest(apiKey: number, definition: RequestDefinition): (args: unknown) => ProtocolRequest;
  connectionPool: { send(request: ProtocolRequest & { requestTimeout?: number }): Promise<unknown> };
  isConnected(): boolean;
  disconnect(): Promise<void>;
  metadata(topics?: string[]): Promise<RawMetadata>;
  fetch(request: {
    isolationLevel?: number;
    maxWaitTime?: number;
    minBytes?: number;
    maxBytes?: number;
    topics: { topic: string; partitions: { partition: number; fetchOffset: string; maxBytes: number }[] }[];
  }): Promise<RawFetchResponse>;
  listOffsets(request: {
    isolationLevel?: number;
    topics: { topic: string; partitions: { partition: number; timestamp: number | string }[] }[];
  }): Promise<{ responses: { topic: string; partitions: { partition: number; errorCode: number; offset: string }[] }[] }>;
  offsetCommit(request: {
    groupId: string;
    groupGenerationId: number;
    memberId: string;
    retentionTime?: number;
    topics: { topic: string; partitions: { partition: number; offset: string }[] }[];
  }): Promise<unknown>;
}

/** kafkajs' Cluster, as captured from a never-connected consumer (see reader-pool.ts). */
export interface RawCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  isConnected(): boolean;
  metadata(options: { topics: string[] }): Promise<RawMetadata | null>;
  refreshMetadata(): Promise<void>;
  findBroker(node: { nodeId: string }): Promise<RawBroker>;
  findGroupCoordinatorMetadata(group: { groupId: string }): Promise<{ coordinator: { nodeId: number; host: string; port: number } }>;
  findGroupCoordinator(group: { groupId: string }): Promise<RawBroker>;
  /** kafkajs' pool of broker connections; raw-requests.ts wraps how it creates them. */
  brokerPool: {
    createBroker(options: unknown): RawBroker;
    metadata: RawMetadata | null;
  };
}

/** Fetch and ListOffsets isolation: read_uncommitted, so the browser sees everything up to the high watermark. */
export const READ_UNCOMMITTED = 0;
export const EARLIEST = -2;
export const LATEST = -1;
