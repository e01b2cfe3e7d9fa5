'use client';
// The cluster-wide dynamic broker configs (Kafka's resource "", what `kafka-configs.sh --entity-default`
// sets): every broker uses them unless it has its own value. Listed, edited, removed, and new ones
// set, where the cluster allows config edits; the broker's refusal is shown in Kafka's words.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { ConfigTable } from '@/components/configs/config-table';
import { ConfigValueDialog } from '@/components/configs/config-value-dialog';
import { useSwitches } from '@/components/settings/use-switches';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState, ErrorBanner, QueryState } from '@/components/ui/feedback';
import { TextField } from '@/components/ui/field';
import { Panel } from '@/components/ui/panel';
import { useToast } from '@/components/ui/toast';
import { useUpdateBrokerConfigs } from '@/lib/api/mutations/brokers';
import { brokerDefaultsQuery } from '@/lib/api/queries/cluster';
import type { ConfigEntry } from '@/lib/schemas/config';

export function BrokerDefaultsPanel() {
  const cluster = useCluster();
  const query = useQuery(brokerDefaultsQuery(cluster));
  const { can } = useSwitches();
  const update = useUpdateBrokerConfigs(cluster, 'default');
  const [editing, setEditing] = useState<ConfigEntry | null>(null);
  const [adding, setAdding] = useState(false);
  const close = () => {
    update.reset();
    setEditing(null);
    setAdding(false);
  };
  const editable = can('topicCreate');
  return (
    <Panel
      title="Cluster-wide broker defaults"
      flush
      className="mt-5"
      actions={
        editable ? (
          <Button size="sm" onClick={() => setAdding(true)}>
            Set a default
          </Button>
        ) : null
      }
    >
      <QueryState query={query} label="Loading broker defaults">
        {(entries) =>
          entries.length === 0 ? (
            <EmptyState title="No cluster-wide dynamic broker configs">Every broker uses its own or its static configuration.</EmptyState>
          ) : (
            <ConfigTable configs={entries} label="Cluster-wide broker defaults" onEdit={editable ? setEditing : undefined} />
          )
        }
      </QueryState>
      {editing ? <ConfigValueDialog entry={editing} update={update} onClose={close} removable removeLabel="Remove the default" /> : null}
      {adding ? <NewDefaultDialog update={update} onClose={close} /> : null}
    </Panel>
  );
}

function NewDefaultDialog({ update, onClose }: { update: ReturnType<typeof useUpdateBrokerConfigs>; onClose: () => void }) {
  const toast = useToast();
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const save = () =>
    update.mutate(
      { [name.trim()]: value },
      {
        onSuccess: () => {
          toast.success(`Default ${name.trim()} set to ${value}`);
          onClose();
        },
      },
    );
  return (
    <Dialog
      open
      onClose={onClose}
      title="Set a cluster-wide default"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={update.isPending || !name.trim() || !value} onClick={save}>
            Save
          </Button>
        </>
      }
    >
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() && value) save();
        }}
      >
        {update.error ? <ErrorBanner error={update.error} title="The default was not set" /> : null}
        <TextField label="Config name" placeholder="log.retention.ms" value={name} spellCheck={false} className="font-mono" onChange={(e) => setName(e.target.value)} />
        <TextField label="Value" value={value} spellCheck={false} className="font-mono" onChange={(e) => setValue(e.target.value)} />
      </form>
    </Dialog>
  );
}
