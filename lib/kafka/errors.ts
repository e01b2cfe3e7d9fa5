// What can go wrong when the console talks to a cluster, in Kafka's terms and nobody else's. The
// services throw these, whoever calls them (a route handler, a stream, a background sampler, a
// CLI) decides what they mean to its own user; lib/http maps each kind to an HTTP status once.
// kafkajs throws its own error classes wrapped several levels deep (retries exceeded, per-partition,
// per-group); fromKafkaError() walks those wrappers once, here, so no other module has to know them.
import 'server-only';
import { errorName } from '../common/kafka-error-codes';

export type DomainErrorKind =
  /** The topic, partition, group, broker or cluster does not exist. */
  | 'not-found'
  /** The request itself is wrong (a field, a range): fix it and ask again. */
  | 'invalid'
  /** The request contradicts the cluster's state (exists already, has members). */
  | 'conflict'
  /** Kafka refused the request as invalid; `kafkaError` names Kafka's reason. */
  | 'rejected'
  /** Kafka answered with an error that is not the caller's fault. */
  | 'kafka-error'
  /** The cluster could not be reached or has no live broker for this. */
  | 'unavailable'
  /** The cluster did not answer within the time allowed. */
  | 'timed-out'
  /** A budget of concurrent work (a lane) is full; try again when running work ends. */
  | 'busy';

export interface DomainErrorDetails {
  /** The input the error is about (a request field), when there is one. */
  field?: string;
  /** Kafka's own error name (e.g. TOPIC_ALREADY_EXISTS). */
  kafkaError?: string;
  /** The failure is the cluster's Schema Registry's, not its brokers' (titles say so). */
  service?: 'schema-registry';
  /** Where in the input (a filter expression) the error is: character offsets, end exclusive. */
  position?: { start: number; end: number };
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** One sentence for the person who asked; never a stack trace or a secret. */
    readonly detail: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(detail);
    this.name = 'DomainError';
  }
}

export const notFound = (detail: string) => new DomainError('not-found', detail);
export const invalid = (detail: string, field?: string) => new DomainError('invalid', detail, { field });
export const conflict = (detail: string, kafkaError?: string) => new DomainError('conflict', detail, { kafkaError });
export const rejected = (kafkaError: string, detail: string, field?: string) => new DomainError('rejected', detail, { kafkaError, field });
export const kafkaError = (kafkaErrorName: string, detail?: string) => new DomainError('kafka-error', detail ?? kafkaErrorName, { kafkaError: kafkaErrorName });
export const unavailable = (detail: string) => new DomainError('unavailable', detail);
export const timedOut = (detail: string) => new DomainError('timed-out', detail);
export const busy = (detail: string) => new DomainError('busy', detail);

/** A Kafka error code answered as a value, as the right domain error. */
export function fromErrorCode(code: number, detail?: string, field?: string): DomainError {
  return classifyKafkaName(errorName(code), detail, field);
}

const UNREACHABLE_NAMES = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSTimeout',
  'KafkaJSLockTimeout',
  'KafkaJSMetadataNotLoaded',
  'KafkaJSTopicMetadataNotLoaded',
  'KafkaJSGroupCoordinatorNotFound',
]);
const UNAVAILABLE_TYPES = new Set([
  'LEADER_NOT_AVAILABLE',
  'NOT_LEADER_FOR_PARTITION',
  'NOT_LEADER_OR_FOLLOWER',
  'BROKER_NOT_AVAILABLE',
  'REPLICA_NOT_AVAILABLE',
  'GROUP_COORDINATOR_NOT_AVAILABLE',
  'COORDINATOR_NOT_AVAILABLE',
  'NOT_COORDINATOR_FOR_GROUP',
  'NOT_COORDINATOR',
  'GROUP_LOAD_IN_PROGRESS',
  'COORDINATOR_LOAD_IN_PROGRESS',
  'REQUEST_TIMED_OUT',
  'NETWORK_EXCEPTION',
  'NOT_CONTROLLER',
]);
const NOT_FOUND_TYPES: Record<string, string> = {
  UNKNOWN_TOPIC_OR_PARTITION: 'The topic or partition does not exist.',
  GROUP_ID_NOT_FOUND: 'The consumer group does not exist.',
};
const CONFLICT_TYPES: Record<string, string> = {
  TOPIC_ALREADY_EXISTS: 'A topic with this name already exists.',
  NON_EMPTY_GROUP: 'The consumer group still has active members; stop its consumers first.',
  REBALANCE_IN_PROGRESS: 'The consumer group is rebalancing; stop its consumers first.',
  UNKNOWN_MEMBER_ID: 'The consumer group has active members; stop its consumers first.',
  ILLEGAL_GENERATION: 'The consumer group has active members; stop its consumers first.',
  GROUP_SUBSCRIBED_TO_TOPIC: "The group's members are subscribed to this topic; Kafka deletes only offsets of topics no member subscribes to. Stop its consumers first.",
};
const BAD_INPUT_TYPES = new Set([
  'INVALID_TOPIC_EXCEPTION',
  'INVALID_PARTITIONS',
  'INVALID_REPLICATION_FACTOR',
  'INVALID_REPLICA_ASSIGNMENT',
  'INVALID_CONFIG',
  'INVALID_REQUEST',
  'POLICY_VIOLATION',
  'INVALID_TIMESTAMP',
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'OFFSET_OUT_OF_RANGE',
  'INVALID_GROUP_ID',
]);

function classifyKafkaName(type: string, detail?: string, field?: string): DomainError {
  if (NOT_FOUND_TYPES[type]) return new DomainError('not-found', detail ?? NOT_FOUND_TYPES[type], { kafkaError: type });
  if (CONFLICT_TYPES[type]) return conflict(detail ?? CONFLICT_TYPES[type], type);
  if (BAD_INPUT_TYPES.has(type)) return rejected(type, detail ?? `Kafka refused the request (${type}).`, field);
  if (UNAVAILABLE_TYPES.has(type)) return new DomainError('unavailable', detail ?? `The cluster answered ${type}.`, { kafkaError: type });
  if (type === 'SASL_AUTHENTICATION_FAILED') return kafkaError(type, 'The cluster refused the configured credentials.');
  return kafkaError(type, detail);
}

interface KafkaLikeError {
  name?: string;
  type?: string;
  message?: string;
  code?: string;
  cause?: unknown;
  originalError?: unknown;
  errors?: unknown[];
  partitions?: { error?: unknown }[];
  groups?: { error?: unknown }[];
}

/** Walks kafkajs' wrappers (retries exceeded, aggregate, per-partition, per-group) to the errors that
 * say what really happened. */
function innerErrors(e: KafkaLikeError, depth = 0): KafkaLikeError[] {
  if (depth > 5) return [e];
  const inner: unknown[] = [];
  if (e.cause) inner.push(e.cause);
  if (e.originalError) inner.push(e.originalError);
  if (Array.isArray(e.errors)) inner.push(...e.errors);
  if (Array.isArray(e.partitions)) inner.push(...e.partitions.map((p) => p.error).filter(Boolean));
  if (Array.isArray(e.groups)) inner.push(...e.groups.map((g) => g.error).filter(Boolean));
  const nested = inner.filter((x): x is KafkaLikeError => typeof x === 'object' && x !== null);
  return [e, ...nested.flatMap((x) => innerErrors(x, depth + 1))];
}

/**
 * What a thrown value means in domain terms: a DomainError as it is; a kafkajs error (however
 * deeply wrapped) by its Kafka error name, or as "unavailable" when the cluster could not be
 * reached; null for anything else, which is a bug and not the cluster's doing.
 */
export function fromKafkaError(err: unknown): DomainError | null {
  if (err instanceof DomainError) return err;
  if (typeof err !== 'object' || err === null) return null;
  const chain = innerErrors(err as KafkaLikeError);
  for (const e of chain) if (e instanceof DomainError) return e;
  for (const e of chain) {
    const type = e.type;
    if (type && (NOT_FOUND_TYPES[type] || CONFLICT_TYPES[type] || BAD_INPUT_TYPES.has(type))) {
      return classifyKafkaName(type, NOT_FOUND_TYPES[type] ?? CONFLICT_TYPES[type] ?? e.message);
    }
  }
  for (const e of chain) {
    if (e.name === 'KafkaJSSASLAuthenticationError' || e.type === 'SASL_AUTHENTICATION_FAILED') {
      return kafkaError('SASL_AUTHENTICATION_FAILED', 'The cluster refused the configured credentials.');
    }
    if (e.name === 'KafkaJSRequestTimeoutError' || e.code === 'ETIMEDOUT') {
      return timedOut(`The cluster did not answer in time: ${e.message ?? e.name}`);
    }
    if ((e.name && UNREACHABLE_NAMES.has(e.name)) || (e.type && UNAVAILABLE_TYPES.has(e.type)) || e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND') {
      return unavailable(`The cluster did not answer: ${e.message ?? e.name}`);
    }
  }
  for (const e of chain) {
    if (e.type && e.type !== 'UNKNOWN') return kafkaError(e.type, e.message);
    if (e.name === 'KafkaJSProtocolError') return kafkaError('UNKNOWN_SERVER_ERROR', e.message);
  }
  const first = chain.find((e) => e.name?.startsWith('KafkaJS'));
  if (first) return kafkaError(first.name ?? 'KafkaJSError', first.message);
  return null;
}

/** Runs `fn`, turning whatever Kafka threw into a DomainError (bugs pass through unchanged). */
export async function inDomain<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw fromKafkaError(err) ?? err;
  }
}
