'use client';
// State of one server-side search: progress per partition, the matches so far, and how it ended.
// Starting a new search or unmounting aborts the previous stream (the server then stops scanning).
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '@/lib/api/fetch-json';
import { streamSearch } from '@/lib/api/search-stream';
import type { Message, SearchEvent, SearchRequest } from '@/lib/schemas/message';

type Progress = Extract<SearchEvent, { type: 'progress' }>;
type Done = Extract<SearchEvent, { type: 'done' }>;

export interface SearchState {
  running: boolean;
  progress: Progress | null;
  matches: Message[];
  done: Done | null;
  error: string | null;
}

const IDLE: SearchState = { running: false, progress: null, matches: [], done: null, error: null };

export function useSearch(cluster: string, topic: string) {
  const [state, setState] = useState<SearchState>(IDLE);
  const abortRef = useRef<AbortController | null>(null);

  const cancel = useCallback(() => {
    abortRef.current?.abort();
    abortRef.current = null;
    setState((s) => (s.running ? { ...s, running: false, done: s.done ?? { type: 'done', reason: 'cancelled', scanned: s.progress?.scanned ?? 0, matched: s.matches.length } } : s));
  }, []);

  const start = useCallback(
    (params: SearchRequest) => {
      abortRef.current?.abort();
      const ctrl = new AbortController();
      abortRef.current = ctrl;
      setState({ ...IDLE, running: true });
      const pending: Message[] = [];
      let last: Progress | null = null;
      // Batch updates to one render per animation frame: a fast scan can emit thousands of events.
      let scheduled = false;
      const flush = () => {
        scheduled = false;
        const add = pending.splice(0);
        setState((s) => ({ ...s, progress: last ?? s.progress, matches: add.length ? [...s.matches, ...add] : s.matches }));
      };
      const onEvent = (e: SearchEvent) => {
        if (ctrl.signal.aborted) return;
        if (e.type === 'match') pending.push(e.message);
        else if (e.type === 'progress') last = e;
        else if (e.type === 'done') {
          flush();
          setState((s) => ({ ...s, running: false, done: e }));
          return;
        } else if (e.type === 'error') {
          setState((s) => ({ ...s, running: false, error: e.detail ? `${e.title}: ${e.detail}` : e.title }));
          return;
        }
        if (!scheduled) {
          scheduled = true;
          requestAnimationFrame(flush);
        }
      };
      streamSearch(cluster, topic, params, onEvent, ctrl.signal)
        .then(() => {
          if (!ctrl.signal.aborted) {
            flush();
            setState((s) => ({ ...s, running: false }));
          }
        })
        .catch((err: unknown) => {
          if (ctrl.signal.aborted) return;
          setState((s) => ({ ...s, running: false, error: errorMessage(err) }));
        });
    },
    [cluster, topic],
  );

  useEffect(() => () => abortRef.current?.abort(), []);
  return { state, start, cancel };
}
