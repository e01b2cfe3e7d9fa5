'use client';
// Client-side providers. One QueryClient per browser tab (created lazily in state so a re-render
// never throws the cache away); defaults tuned for an operations console: data is fresh for a few
// seconds, failures are retried once, and a window refocus refreshes what is on screen.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { ToastProvider } from '@/components/ui/toast';
import { ApiError } from '@/lib/api/fetch-json';

/** A 4xx answer will not change on a retry; a network blip or 5xx might. */
const retryOnce = (count: number, error: unknown) =>
  count < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500);

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 5_000, retry: retryOnce, refetchOnWindowFocus: true },
          mutations: { retry: 0 },
        },
      }),
  );
  // Marks the document once React has hydrated it: the end-to-end tests wait for this before they
  // click, since an event that arrives earlier is lost or replayed against server-rendered values.
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return (
    <QueryClientProvider client={client}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}
