// Consumer-group reads, the offset-reset preview/apply calls and group deletion.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  GroupDetailSchema,
  GroupListSchema,
  ResetPreviewSchema,
  type GroupListQuery,
  type ResetOffsetsRequest,
} from '@/lib/schemas/group';
import { enc, getJson, sendJson, withQuery } from '../fetch-json';
import { queryKeys } from '../query-keys';

export const groupListQuery = (q: GroupListQuery) =>
  queryOptions({
    queryKey: queryKeys.groupList(q),
    queryFn: ({ signal }) =>
      getJson(
        withQuery('/api/groups', { q: q.q, state: q.state, sort: q.sort, dir: q.dir, page: q.page, pageSize: q.pageSize }),
        GroupListSchema,
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export const groupQuery = (id: string, refetchInterval: number | false = false) =>
  queryOptions({
    queryKey: queryKeys.group(id),
    queryFn: ({ signal }) => getJson(`/api/groups/${enc(id)}`, GroupDetailSchema, signal),
    refetchInterval,
  });

export const previewReset = (id: string, body: ResetOffsetsRequest) =>
  sendJson('POST', `/api/groups/${enc(id)}/offsets/preview`, body, ResetPreviewSchema);
export const applyReset = (id: string, body: ResetOffsetsRequest) =>
  sendJson('POST', `/api/groups/${enc(id)}/offsets/reset`, body, ResetPreviewSchema);
export const deleteGroup = (id: string) => sendJson('DELETE', `/api/groups/${enc(id)}`, undefined, z.unknown());
