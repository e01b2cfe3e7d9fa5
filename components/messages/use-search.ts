'use client';
// State of one server-side search: progress per partition, the matches so far, how it ended, and
// where it can continue. Starting a new search or unmounting aborts the previous stream (the server
// then stops scanning). Continue runs the same search from the last cursor the server sent and
// appends to the matches; a match that arrived after that cursor (the stream was stopped between two
// progress events) comes again and is dropped as a duplicate.
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
  /** Where the search can continue (null: the whole range was searched, or nothing to go on). */
  cursor: string | null;
  /** Records scanned over every run of this search. */
  scanned: number;
}

const IDLE: SearchState = { running: false, progress: null, matches: [], done: null, error: null, cursor: null, scanned: 0 };
const idOf = (m: Message) => `${m.partition}-${m.offset}`;

export function useSearch(cluster: string, topic: string) {
  const [state, setState] = useState<SearchState>(IDLE);
  const abortRef = useRef<AbortController | null>(null);
  const lastRef = useRef<{ params: SearchRequest; cursor: string | null; before: number } | null>(null);

  const cancel = useCallback(() => {
    abortRef.current?.abort();
    abortRef.current = null;
    setState((s) => (s.running ? { ...s, running: false, done: s.done ?? { type: 'done', reason: 'cancelled', scanned: s.progress?.scanned ?? 0, matched: s.matches.length, cursor: s.cursor } } : s));
  }, []);

  const run = useCallback(
    (params: SearchRequest, resume: { cursor: string; keep: SearchState } | null) => {
      abortRef.current?.abort();
      const ctrl = new AbortController();
      abortRef.current = ctrl;
      const before = resume ? resume.keep.scanned : 0;
      const seen = new Set((resume?.keep.matches ?? []).map(idOf));
      lastRef.current = { params, cursor: resume?.cursor ?? null, before };
      setState({ ...IDLE, running: true, matches: resume?.keep.matches ?? [], scanned: before, cursor: resume?.cursor ?? null });
      const pending: Message[] = [];
      let last: Progress | null = null;
      // Batch updates to one render per animation frame: a fast scan can emit thousands of events.
      let scheduled = false;
      const flush = () => {
        scheduled = false;
        const add = pending.splice(0);
        setState((s) => ({
          ...s,
          progress: last ?? s.progress,
          cursor: last ? last.cursor : s.cursor,
          scanned: before + (last?.scanned ?? s.scanned - before),
          matches: add.length ? [...s.matches, ...add] : s.matches,
        }));
      };
      const onEvent = (e: SearchEvent) => {
        if (ctrl.signal.aborted) return;
        if (e.type === 'match') {
          const id = idOf(e.message);
          if (seen.has(id)) return;
          seen.add(id);
          pending.push(e.message);
        } else if (e.type === 'progress') last = e;
        else if (e.type === 'done') {
          flush();
          setState((s) => ({ ...s, running: false, done: e, cursor: e.cursor, scanned: before + e.scanned }));
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
      streamSearch(cluster, topic, resume ? { ...params, cursor: resume.cursor } : params, onEvent, ctrl.signal)
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

  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);
  const start = useCallback((params: SearchRequest) => run(params, null), [run]);
  /** Runs the last search again from where it stopped, keeping what it found. */
  const resume = useCallback(() => {
    const last = lastRef.current;
    const s = stateRef.current;
    if (last && s.cursor && !s.running) run(last.params, { cursor: s.cursor, keep: s });
  }, [run]);

  useEffect(() => () => abortRef.current?.abort(), []);
  return { state, start, resume, cancel };
}
