'use client';
// The message page's heavy parts, loaded when first used (see components/ui/lazy.tsx): the produce
// dialog, the search panel, and a message's expanded detail (JSON tree, hex view). A detail open in
// the URL still renders on the server; only its script waits until a row is opened.
import dynamic from 'next/dynamic';
import { LazyPlaceholder, untilFirstOpen } from '@/components/ui/lazy';

export const ProduceDialog = untilFirstOpen(dynamic(() => import('./produce-dialog').then((m) => m.ProduceDialog), { ssr: false }));
export const SearchPanel = dynamic(() => import('./search-panel').then((m) => m.SearchPanel), { loading: LazyPlaceholder });
export const MessageDetail = dynamic(() => import('./message-detail').then((m) => m.MessageDetail), { loading: LazyPlaceholder });
export const ReplayDialog = untilFirstOpen(dynamic(() => import('./replay-dialog').then((m) => m.ReplayDialog), { ssr: false }));
