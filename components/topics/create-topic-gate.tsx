'use client';
// Shows the create form only where topic creation is switched on.
import { useSwitches } from '@/components/settings/use-switches';
import { ErrorBanner, Skeleton } from '@/components/ui/feedback';
import { CreateTopicForm } from './create-topic-form';

export function CreateTopicGate() {
  const { settings, can, error, refetch } = useSwitches();
  if (!settings && error) return <ErrorBanner error={error} onRetry={() => void refetch()} />;
  if (!settings) return <Skeleton rows={4} label="Loading settings" />;
  if (!can('topicCreate'))
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">Creating topics is switched off for this cluster.</p>;
  return <CreateTopicForm />;
}
