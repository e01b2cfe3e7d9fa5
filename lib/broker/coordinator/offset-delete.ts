// OffsetDelete's rules (Kafka's GroupCoordinator.handleDeleteOffsets), apart from the coordinator's
// bookkeeping: an Empty group may lose any committed offset; a live group only those of topics it
// does not consume — which, for the `consumer` protocol, is read from its members' subscriptions
// (if any subscription cannot be read, every topic counts as consumed, as Kafka assumes); a live
// group of another protocol is NON_EMPTY_GROUP; an unknown group GROUP_ID_NOT_FOUND.
import { ErrorCode } from '../../common/kafka-error-codes';
import { decodeConsumerSubscription } from '../protocol/consumer-protocol';
import type { Group } from './group';

export interface DeleteOffsetsInput {
  groupId: string;
  topics: { name: string; partitionIndexes: number[] }[];
}

export interface DeleteOffsetsOutput {
  /** Group-level error; when set, `topics` is empty. */
  errorCode: number;
  topics: { name: string; partitions: { partitionIndex: number; errorCode: number }[] }[];
}

/** The topics a live consumer group's members subscribe to, or null when they cannot be known. */
export function subscribedTopics(group: Group): Set<string> | null {
  if (group.protocolType !== 'consumer') return null;
  if (group.members.size === 0) return new Set();
  if (group.protocolName === null) return null;
  const topics = new Set<string>();
  try {
    for (const m of group.members.values()) {
      for (const t of decodeConsumerSubscription(m.metadataFor(group.protocolName)).topics) topics.add(t);
    }
  } catch {
    return null;
  }
  return topics;
}

/**
 * Which of the requested topics' offsets may go: a predicate on topic names, or the group-level error
 * that refuses the whole request.
 */
export function deletableTopics(group: Group | undefined): { ok: true; deletable: (topic: string) => boolean } | { ok: false; errorCode: number } {
  if (group === undefined || group.state === 'Dead') return { ok: false, errorCode: ErrorCode.GROUP_ID_NOT_FOUND };
  if (group.state === 'Empty') return { ok: true, deletable: () => true };
  if (group.protocolType !== 'consumer') return { ok: false, errorCode: ErrorCode.NON_EMPTY_GROUP };
  const consumed = subscribedTopics(group);
  return { ok: true, deletable: (topic) => consumed !== null && !consumed.has(topic) };
}
