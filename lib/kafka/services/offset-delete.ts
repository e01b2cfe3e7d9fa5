// Forget a group's committed offsets of one topic with Kafka's OffsetDelete, sent to the group's
// coordinator. Kafka decides whether that is allowed — any offset of an empty group; of a live
// group only topics none of its members subscribes to (GROUP_SUBSCRIBED_TO_TOPIC) — so the console
// does not guess from a group description that may be seconds old: the broker's refusal is the
// answer (409 with Kafka's error name). The partitions are those the group has committed on the
// topic, which also covers a topic deleted since.
import 'server-only';
import type { DeleteGroupOffsetsResponse } from '../../schemas/group-offsets';
import { fromErrorCode, kafkaError, notFound } from '../errors';
import { invalidate } from '../connection/cache-keys';
import type { ClusterClients } from '../connection/clients';
import { API_OFFSET_DELETE } from '../connection/own-requests';
import { offsetDeleteOn, supports } from '../connection/raw-requests';
import { markChanged } from '../groups/group-index';
import { committedOffsets } from '../groups/groups-data';

export async function deleteTopicOffsets(clients: ClusterClients, groupId: string, topic: string): Promise<DeleteGroupOffsetsResponse> {
  invalidate.group(clients.cache, groupId);
  const partitions = (await committedOffsets(clients, groupId))
    .filter((c) => c.topic === topic)
    .map((c) => c.partition)
    .sort((a, b) => a - b);
  if (partitions.length === 0) throw notFound(`Consumer group "${groupId}" has no committed offsets on topic "${topic}".`);
  const answer = await clients.writes.raw(async (cluster) => {
    const coordinator = await cluster.findGroupCoordinator({ groupId });
    if (!supports(coordinator, API_OFFSET_DELETE)) {
      throw kafkaError('UNSUPPORTED_VERSION', "The group's coordinator does not support OffsetDelete (Kafka 2.4 or newer is needed).");
    }
    return offsetDeleteOn(coordinator, groupId, [{ name: topic, partitions }]);
  });
  if (answer.errorCode !== 0) throw fromErrorCode(answer.errorCode);
  const failed = answer.topics.flatMap((t) => t.partitions).find((p) => p.errorCode !== 0);
  if (failed) throw fromErrorCode(failed.errorCode);
  invalidate.group(clients.cache, groupId);
  markChanged(clients, groupId);
  return { groupId, topic, partitions };
}
