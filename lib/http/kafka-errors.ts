// Classifies whatever a service threw into a problem: our own HttpProblem as is, bad input as 400,
// kafkajs errors by their Kafka error name (unknown topic 404, exists 409, invalid 400, cluster
// unreachable 503, anything else Kafka refused 502 naming the error). Only a genuine bug is a 500,
// and even then the body says nothing of the stack.
import { ZodError } from 'zod';
import { HttpProblem, badRequest, conflict, kafkaFailure, notFound, unavailable } from './problem';

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

function zodProblem(err: ZodError): HttpProblem {
  const issue = err.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  return badRequest(issue ? (field ? `${field}: ${issue.message}` : issue.message) : 'Invalid input', field);
}

export function classifyError(err: unknown): HttpProblem | null {
  if (err instanceof HttpProblem) return err;
  if (err instanceof ZodError) return zodProblem(err);
  if (typeof err !== 'object' || err === null) return null;
  const chain = innerErrors(err as KafkaLikeError);
  for (const e of chain) {
    const type = e.type;
    if (type && NOT_FOUND_TYPES[type]) return notFound(NOT_FOUND_TYPES[type]);
    if (type && CONFLICT_TYPES[type]) return conflict(CONFLICT_TYPES[type], type);
    if (type && BAD_INPUT_TYPES.has(type)) return new HttpProblem(400, 'Rejected by Kafka', e.message, { kafkaError: type });
  }
  for (const e of chain) {
    if (e.name === 'KafkaJSSASLAuthenticationError' || e.type === 'SASL_AUTHENTICATION_FAILED') {
      return kafkaFailure('SASL_AUTHENTICATION_FAILED', 'The cluster refused the configured credentials.');
    }
    if ((e.name && UNREACHABLE_NAMES.has(e.name)) || (e.type && UNAVAILABLE_TYPES.has(e.type)) || e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'ETIMEDOUT') {
      return unavailable(`The cluster did not answer: ${e.message ?? e.name}`);
    }
  }
  for (const e of chain) {
    if (e.type && e.type !== 'UNKNOWN') return kafkaFailure(e.type, e.message);
    if (e.name === 'KafkaJSProtocolError') return kafkaFailure('UNKNOWN_SERVER_ERROR', e.message);
  }
  const first = chain.find((e) => e.name?.startsWith('KafkaJS'));
  if (first) return kafkaFailure(first.name ?? 'KafkaJSError', first.message);
  return null;
}
