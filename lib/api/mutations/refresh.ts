// What a mutation hook does once the server has accepted a change: mark stale every cached read the
// change made wrong, and wait for the ones on screen to refetch (so a dialog closes on fresh data).
import type { QueryClient, QueryKey } from '@tanstack/react-query';

export async function refresh(client: QueryClient, keys: readonly QueryKey[]): Promise<void> {
  await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
}
