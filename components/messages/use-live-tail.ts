'use client';
// Runs a live tail for the page: opens the stream (lib/api/ndjson-stream.ts), feeds the window
// (live-window.ts) and hands React a new row list at most once per animation frame, whatever the
// rate. The rate shown is Kafka's (the server's count of records received each second); what the
// server (maxRate) and the page (per frame) left out is counted and said.
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { clusterApi } from '@/lib/api/cluster-url';
import { withQuery } from '@/lib/api/fetch-json';
import { readNdjson } from '@/lib/api/ndjson-stream';
import { MessageSchema } from '@/lib/schemas/message';
import { TailEnvelopeSchema, type TailEnvelope, type TailRequest } from '@/lib/schemas/streams';
import { LiveWindow, type LiveRow } from './live-window';

/** Most rows one update adds; beyond that it samples (keeps the newest). */
const PER_FRAME = 100;
/** Rows are updated ten times a second at most: readable, and a tenth of the rendering. */
const PAINT_MS = 100;

export interface LiveState {
  status: 'connecting' | 'live' | 'stopped' | 'error';
  rows: LiveRow[];
  paused: boolean;
  perSecond: number;
  sampledOut: number;
  held: number;
  skipped: number;
  /** From the server: received from Kafka, passed the filter, records the filter failed on. */
  received: number;
  matched: number;
  filterErrors: number;
  firstFilterError: string | null;
  error: unknown;
}

const initial: Omit<LiveState, 'rows'> = {
  status: 'connecting',
  paused: false,
  perSecond: 0,
  sampledOut: 0,
  held: 0,
  skipped: 0,
  received: 0,
  matched: 0,
  filterErrors: 0,
  firstFilterError: null,
  error: null,
};

export function useLiveTail(cluster: string, topic: string, params: TailRequest, windowSize: number) {
  const win = useRef<LiveWindow | null>(null);
  const [state, setState] = useState<LiveState>({ ...initial, rows: [] });
  const abort = useRef<AbortController | null>(null);
  const [run, setRun] = useState(0);
  const key = JSON.stringify(params);

  useEffect(() => {
    const w = new LiveWindow(windowSize, PER_FRAME, (raw) => {
      const m = MessageSchema.safeParse(raw);
      return m.success ? m.data : null;
    });
    win.current = w;
    const controller = new AbortController();
    abort.current = controller;
    let frame = 0;
    let server = { received: 0, matched: 0, filterErrors: 0, firstFilterError: null as string | null, sampledOut: 0 };
    let lastReceived = 0;
    let perSecond = 0;
    let first = true;
    let lastPaint = 0;
    const tick = (now: number) => {
      if (first) {
        // A new run starts from nothing (a restart, another filter or partition).
        first = false;
        setState({ ...initial, rows: [] });
      } else if (now - lastPaint >= PAINT_MS && w.frame()) {
        lastPaint = now;
        // A transition: React renders the rows in short slices, so input and painting go first.
        startTransition(() => setState((s) => ({ ...s, rows: w.rows })));
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    const rate = setInterval(() => {
      const { held, skipped } = w.heldCount();
      const { sampledOut, ...rest } = server;
      startTransition(() => setState((s) => ({ ...s, perSecond, sampledOut: w.sampledOut + sampledOut, held, skipped, ...rest })));
    }, 1_000);
    const url = withQuery(clusterApi(cluster, 'topics', topic, 'tail'), { ...(JSON.parse(key) as TailRequest) });
    readNdjson(
      url,
      TailEnvelopeSchema,
      (e: TailEnvelope) => {
        if (e.type === 'start') setState((s) => ({ ...s, status: 'live' }));
        else if (e.type === 'messages') w.push(e.messages);
        else if (e.type === 'stats') {
          // The rate is Kafka's (what the server received each second), whatever is shown.
          perSecond = Math.max(0, e.received - lastReceived);
          lastReceived = e.received;
          server = { received: e.received, matched: e.matched, filterErrors: e.filterErrors, firstFilterError: e.firstFilterError, sampledOut: e.sampledOut };
        }
        else if (e.type === 'error') setState((s) => ({ ...s, status: 'error', error: new Error(`${e.title}${e.detail ? `: ${e.detail}` : ''}`) }));
      },
      controller.signal,
    )
      .then(() => setState((s) => (s.status === 'error' ? s : { ...s, status: 'stopped' })))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, status: 'error', error }));
      });
    return () => {
      controller.abort();
      cancelAnimationFrame(frame);
      clearInterval(rate);
    };
  }, [cluster, topic, key, windowSize, run]);

  const stop = useCallback(() => {
    abort.current?.abort();
    setState((s) => ({ ...s, status: 'stopped' }));
  }, []);
  const restart = useCallback(() => setRun((n) => n + 1), []);
  const pause = useCallback(() => {
    win.current?.pause();
    setState((s) => ({ ...s, paused: true }));
  }, []);
  const resume = useCallback(() => {
    const w = win.current;
    if (!w) return;
    w.resume();
    setState((s) => ({ ...s, paused: false, rows: w.rows, held: 0, skipped: 0 }));
  }, []);
  return { state, stop, restart, pause, resume };
}
