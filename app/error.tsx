'use client';
// The error boundary for every page: a readable message and a retry, never a stack trace.
import { useEffect } from 'react';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="max-w-xl rounded-lg border border-red-300 bg-red-50 p-4 dark:border-red-900 dark:bg-red-950">
      <h1 className="text-base font-semibold text-red-800 dark:text-red-200">Something went wrong</h1>
      <p className="mt-1 text-sm text-red-700 dark:text-red-300">
        This page could not be shown{error.digest ? ` (reference ${error.digest})` : ''}.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-3 rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700"
      >
        Try again
      </button>
    </div>
  );
}
