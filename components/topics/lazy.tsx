'use client';
// The topic page's dialogs, loaded when first opened (see components/ui/lazy.tsx).
import dynamic from 'next/dynamic';
import { untilFirstOpen } from '@/components/ui/lazy';

export const AddPartitionsDialog = untilFirstOpen(dynamic(() => import('./add-partitions-dialog').then((m) => m.AddPartitionsDialog), { ssr: false }));
export const PurgeDialog = untilFirstOpen(dynamic(() => import('./purge-dialog').then((m) => m.PurgeDialog), { ssr: false }));
export const DeleteTopicDialog = untilFirstOpen(dynamic(() => import('./delete-topic-dialog').then((m) => m.DeleteTopicDialog), { ssr: false }));
export const ConfigEditDialog = dynamic(() => import('./config-edit-dialog').then((m) => m.ConfigEditDialog), { ssr: false });
