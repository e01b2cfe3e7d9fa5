'use client';
// The group page's dialogs, loaded when first opened (see components/ui/lazy.tsx).
import dynamic from 'next/dynamic';
import { untilFirstOpen } from '@/components/ui/lazy';

export const ResetWizard = dynamic(() => import('./reset-wizard').then((m) => m.ResetWizard), { ssr: false });
export const DeleteGroupDialog = untilFirstOpen(dynamic(() => import('./delete-group-dialog').then((m) => m.DeleteGroupDialog), { ssr: false }));
