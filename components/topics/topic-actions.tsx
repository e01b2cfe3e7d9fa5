'use client';
// The topic page's action bar. Each action appears only when the server allows it; each opens its
// own dialog.
import Link from 'next/link';
import { useState } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { clusterPath } from '@/components/cluster/cluster-path';
import { ProduceDialog } from '@/components/messages/lazy';
import { useSwitches } from '@/components/settings/use-switches';
import { Button, buttonClass } from '@/components/ui/button';
import type { TopicDetail } from '@/lib/schemas/topic';
import { AddPartitionsDialog, DeleteTopicDialog, PurgeDialog } from './lazy';

type Open = 'produce' | 'partitions' | 'purge' | 'delete' | null;

export function TopicActions({ topic }: { topic: TopicDetail }) {
  const cluster = useCluster();
  const { can } = useSwitches();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Link prefetch={false} href={clusterPath(cluster, 'topics', topic.name, 'messages')} className={buttonClass('primary')}>
        Browse messages
      </Link>
      {can('messageSend', topic.name) ? <Button onClick={() => setOpen('produce')}>Produce</Button> : null}
      {can('topicEdit', topic.name) ? <Button onClick={() => setOpen('partitions')}>Add partitions</Button> : null}
      {can('recordsDelete', topic.name) ? <Button onClick={() => setOpen('purge')}>Purge</Button> : null}
      {can('topicDelete', topic.name) ? (
        <Button variant="danger" onClick={() => setOpen('delete')}>
          Delete topic
        </Button>
      ) : null}
      <ProduceDialog topic={topic.name} partitions={topic.partitions.length} open={open === 'produce'} onClose={close} />
      {open === 'partitions' ? <AddPartitionsDialog topic={topic.name} current={topic.partitions.length} open onClose={close} /> : null}
      {open === 'purge' ? <PurgeDialog topic={topic.name} partitions={topic.partitions} open onClose={close} /> : null}
      <DeleteTopicDialog topic={topic.name} open={open === 'delete'} onClose={close} />
    </div>
  );
}
