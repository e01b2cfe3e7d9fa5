// Deleting a group's committed offsets of one topic (Kafka's OffsetDelete, what
// `kafka-consumer-groups.sh --delete-offsets` does): the body names the topic, the answer the
// partitions whose offsets are gone.
import './zod-csp';
import { z } from 'zod/mini';
import { PartitionId } from './common';
import { TOPIC_NAME_MAX } from './topic';

export const DeleteGroupOffsetsRequestSchema = z.object({ topic: z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(TOPIC_NAME_MAX)) });
export type DeleteGroupOffsetsRequest = z.infer<typeof DeleteGroupOffsetsRequestSchema>;

export const DeleteGroupOffsetsResponseSchema = z.object({ groupId: z.string(), topic: z.string(), partitions: z.array(PartitionId) });
export type DeleteGroupOffsetsResponse = z.infer<typeof DeleteGroupOffsetsResponseSchema>;
