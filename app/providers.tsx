'use client';
// Client-side providers. One QueryClient per browser tab (created lazily in state so a re-render
// never throws the cache away); defaults tuned for an operations console: data is fresh for a few
// seconds, failures are retried once, and a window refocus refreshes what is on screen.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 5_000, retry: 1, refetchOnWindowFocus: true },
          mutations: { retry: 0 },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
