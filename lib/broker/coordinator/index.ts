// The consumer-group coordinator's public face: what the wire handlers and the broker import.
// Everything else in this directory is an implementation detail.

import { ErrorCode } from '../../common/kafka-error-codes';
import type { LeaveGroupOutput } from './types';

export { GroupCoordinator, type GroupCoordinatorOptions } from './coordinator';
export type { DeleteOffsetsInput, DeleteOffsetsOutput } from './offset-delete';
export { partitionForGroup, javaStringHashCode } from './partition-for-group';
export {
  decodeKey,
  decodeGroupMetadataValue,
  decodeOffsetCommitValue,
  encodeGroupMetadataKey,
  encodeGroupMetadataValue,
  encodeOffsetCommitKey,
  encodeOffsetCommitValue,
  type GroupMetadataValue,
  type OffsetCommitValue,
  type OffsetsKey,
} from './records';
export type * from './types';

/**
 * LeaveGroup v0-2 have no per-member errors: Kafka answers the top-level error, or else the first
 * member's error.
 */
export function leaveGroupLegacyError(result: LeaveGroupOutput): number {
  if (result.errorCode !== ErrorCode.NONE) return result.errorCode;
  return result.members.find((m) => m.errorCode !== ErrorCode.NONE)?.errorCode ?? ErrorCode.NONE;
}
