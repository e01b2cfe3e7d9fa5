// Server-side prefetch with a deadline: a page's data goes into its first HTML when the cluster
// answers quickly, and never holds the page when it does not. Each load fills the server's own
// QueryClient under the query key the browser uses; after `ms` milliseconds (or sooner, once every
// load has settled) whatever succeeded is dehydrated for a HydrationBoundary, and the browser's
// queries take over the rest, so a slow or unreachable cluster costs the first paint `ms` at most.
// Loads that miss the deadline run on in the background and are simply not waited for (their
// requests end at the cluster's own request timeout, like any other).
//
// With a login configured (KAFSCOPE_AUTH users or oidc) nothing is prefetched: the loads below read
// the cluster as the console, not as the person asking, so the data goes through the API instead,
// where the route table, list filtering and masking apply to that person.
import 'server-only';
import { QueryClient, dehydrate, type DehydratedState, type FetchQueryOptions, type QueryKey } from '@tanstack/react-query';
import { currentConsoleConfig } from '../config';

/** How long a page waits for its data before it streams without it. */
export const PREFETCH_DEADLINE_MS = 300;

/** One query to fill: never rejects (a failed load leaves an errored query, which is not dehydrated). */
export type Prefetch = (client: QueryClient) => Promise<void>;

/** The browser's query options with the server's own way of loading the data. */
export function prefetch<T, K extends QueryKey>(options: FetchQueryOptions<T, Error, T, K>, load: () => Promise<T>): Prefetch {
  return (client) => client.prefetchQuery({ ...options, queryFn: load });
}

export async function dehydrateWithin(prefetches: readonly Prefetch[], ms = PREFETCH_DEADLINE_MS): Promise<DehydratedState> {
  // No retries on the server: a failure is the browser's to show (and retry), not a reason to wait.
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  if (currentConsoleConfig().auth.mode !== 'none') return dehydrate(client);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([Promise.all(prefetches.map((p) => p(client))), deadline]);
  clearTimeout(timer);
  return dehydrate(client);
}
