// The cluster's metadata on disk: one JSON document (cluster id, topics, partition replica lists,
// leader epochs, config overrides) kept through the store's metadata files, so topics survive a
// restart and in-memory mode needs nothing special.
import type { Store } from '../storage/store';

const META_NAME = 'cluster.json';

export interface ClusterMeta {
  version: 1;
  clusterId: string;
  topics: {
    name: string;
    id: string;
    internal: boolean;
    configs: Record<string, string>;
    partitions: { replicas: number[]; leaderEpoch: number }[];
  }[];
}

export function readClusterMeta(store: Store): ClusterMeta | null {
  const text = store.readMeta(META_NAME);
  if (text === null) return null;
  const meta = JSON.parse(text) as ClusterMeta;
  if (meta.version !== 1 || typeof meta.clusterId !== 'string' || !Array.isArray(meta.topics)) {
    throw new Error(`unreadable ${META_NAME}`);
  }
  return meta;
}

export function writeClusterMeta(store: Store, meta: ClusterMeta): void {
  store.writeMeta(META_NAME, JSON.stringify(meta, null, 1));
}
