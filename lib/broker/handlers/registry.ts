// Every API the broker serves, one handler file per API key. This list is the ApiVersions answer:
// to serve a new API, add its name to protocol/gen/served-apis.ts and run `npm run gen:protocol`
// (only served APIs have generated tables), then add its handler file and one line below.
import produce from './00-produce';
import fetch from './01-fetch';
import listOffsets from './02-list-offsets';
import metadata from './03-metadata';
import offsetCommit from './08-offset-commit';
import offsetFetch from './09-offset-fetch';
import findCoordinator from './10-find-coordinator';
import joinGroup from './11-join-group';
import heartbeat from './12-heartbeat';
import leaveGroup from './13-leave-group';
import syncGroup from './14-sync-group';
import describeGroups from './15-describe-groups';
import listGroups from './16-list-groups';
import saslHandshake from './17-sasl-handshake';
import apiVersions from './18-api-versions';
import createTopics from './19-create-topics';
import deleteTopics from './20-delete-topics';
import deleteRecords from './21-delete-records';
import initProducerId from './22-init-producer-id';
import describeAcls from './29-describe-acls';
import createAcls from './30-create-acls';
import deleteAcls from './31-delete-acls';
import describeConfigs from './32-describe-configs';
import alterConfigs from './33-alter-configs';
import describeLogDirs from './35-describe-log-dirs';
import saslAuthenticate from './36-sasl-authenticate';
import createPartitions from './37-create-partitions';
import deleteGroups from './42-delete-groups';
import incrementalAlterConfigs from './44-incremental-alter-configs';
import offsetDelete from './47-offset-delete';
import type { Handler } from './types';

const HANDLERS: readonly Handler[] = [
  produce,
  fetch,
  listOffsets,
  metadata,
  offsetCommit,
  offsetFetch,
  findCoordinator,
  joinGroup,
  heartbeat,
  leaveGroup,
  syncGroup,
  describeGroups,
  listGroups,
  saslHandshake,
  apiVersions,
  createTopics,
  deleteTopics,
  deleteRecords,
  initProducerId,
  describeAcls,
  createAcls,
  deleteAcls,
  describeConfigs,
  alterConfigs,
  describeLogDirs,
  saslAuthenticate,
  createPartitions,
  deleteGroups,
  incrementalAlterConfigs,
  offsetDelete,
];

const byKey = new Map<number, Handler>();
for (const h of HANDLERS) {
  if (byKey.has(h.key)) throw new Error(`two handlers for API key ${h.key}`);
  byKey.set(h.key, h);
}

/** The handler serving `key` at `version`, if any. */
export function handlerFor(key: number, version: number): Handler | undefined {
  const h = byKey.get(key);
  return h && version >= h.min && version <= h.max ? h : undefined;
}

/** The ApiVersions entries, ordered by key. */
export function apiVersionsList(): { apiKey: number; minVersion: number; maxVersion: number }[] {
  return [...byKey.values()]
    .sort((a, b) => a.key - b.key)
    .map((h) => ({ apiKey: h.key, minVersion: h.min, maxVersion: h.max }));
}
