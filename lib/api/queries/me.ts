// Who is signed in and what they may do (GET /api/me): the UI hides what the server would refuse.
import { queryOptions } from '@tanstack/react-query';
import { MeSchema } from '@/lib/schemas/permissions';
import { getJson } from '../fetch-json';

export const meQuery = () =>
  queryOptions({
    queryKey: ['me'] as const,
    queryFn: ({ signal }) => getJson('/api/me', MeSchema, signal),
    staleTime: 60_000,
  });
