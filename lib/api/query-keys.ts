// Every React Query cache key in one place, built as prefixes so a mutation can invalidate a whole
// family (all topic lists, one topic's messages) with one call.
import type { GroupListQuery } from '@/lib/schemas/group';
import type { MessagesQuery } from '@/lib/schemas/message';
import type { TopicListQuery } from '@/lib/schemas/topic';

export const queryKeys = {
  settings: () => ['settings'] as const,
  cluster: () => ['cluster'] as const,
  broker: (id: number) => ['brokers', id] as const,
  topics: () => ['topics'] as const,
  topicList: (q: TopicListQuery) => ['topics', 'list', q] as const,
  topic: (name: string) => ['topics', 'detail', name] as const,
  messages: (topic: string) => ['messages', topic] as const,
  messagePage: (topic: string, q: Partial<MessagesQuery>) => ['messages', topic, q] as const,
  groups: () => ['groups'] as const,
  groupList: (q: GroupListQuery) => ['groups', 'list', q] as const,
  group: (id: string) => ['groups', 'detail', id] as const,
};
