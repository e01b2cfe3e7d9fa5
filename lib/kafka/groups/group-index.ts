// An index of every group's committed offsets, for the questions that need all groups at once:
// "which groups consume this topic, with what lag" (the topic page) and "sort all groups by lag or
// topic count" (the group list). Kafdrop answers the first by fetching every group's offsets on each
// page view, one after the other (30 minutes at 5,566 groups); here a page view never waits for that.
//
// - Built from one ListGroups per broker (all at once) and one OffsetFetch per group at its
//   coordinator, many in flight with a bound (groups-data.ts).
// - A snapshot is fresh for max(2 s, 4 x the time its build took), capped at 30 s, so a small
//   cluster is as current as every other cache here and a cluster with 10,000 groups is not re-read
//   more than a quarter of the time. After that, a quick build (under QUICK_BUILD_MS last time) is
//   simply awaited; a slow one is stale-while-revalidate: the request gets the current snapshot at
//   once and starts one background rebuild shared by every caller. Only a first build is waited for.
// - Offsets changed through this API (reset, delete) are patched into the snapshot before the next
//   answer (markChanged), so nobody sees their own change undone.
import 'server-only';
import { mapBounded } from '../connection/cache';
import type { ClusterClients } from '../connection/clients';
import { OFFSET_FETCH_CONCURRENCY, fetchCommitted, listGroupIds, type Committed, type GroupListing } from './groups-data';

const MIN_FRESH_MS = 2_000;
const MAX_FRESH_MS = 30_000;
const QUICK_BUILD_MS = 250;

export interface GroupIndex {
  /** When the data was read (ms since the epoch) and how long reading it took. */
  at: number;
  buildMs: number;
  /** Changes whenever the data does (a rebuild or a patch): a key for what is derived from it. */
  version: number;
  /** Every partition with a commit, once each. */
  partitions: { topic: string; partition: number }[];
  offsets: Map<string, Committed[]>;
  /** Topic -> ids of the groups with commits on it, sorted. */
  byTopic: Map<string, string[]>;
}

interface State {
  snapshot: GroupIndex | null;
  building: Promise<GroupIndex> | null;
  changed: Set<string>;
}
const states = new WeakMap<ClusterClients, State>();
function stateOf(clients: ClusterClients): State {
  let s = states.get(clients);
  if (!s) states.set(clients, (s = { snapshot: null, building: null, changed: new Set() }));
  return s;
}

let versions = 0;

function partitionsOf(offsets: Map<string, Committed[]>): GroupIndex['partitions'] {
  const seen = new Map<string, { topic: string; partition: number }>();
  for (const list of offsets.values()) for (const c of list) seen.set(`${c.topic}\u0000${c.partition}`, { topic: c.topic, partition: c.partition });
  return [...seen.values()];
}

function indexByTopic(offsets: Map<string, Committed[]>): Map<string, string[]> {
  const byTopic = new Map<string, string[]>();
  for (const [id, list] of [...offsets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const topics = new Set(list.map((c) => c.topic));
    for (const t of topics) {
      const ids = byTopic.get(t);
      if (ids) ids.push(id);
      else byTopic.set(t, [id]);
    }
  }
  return byTopic;
}

async function readOffsets(clients: ClusterClients, groups: GroupListing[]): Promise<Map<string, Committed[]>> {
  const offsets = new Map<string, Committed[]>();
  await clients.lanes.interactive.run((cluster) =>
    mapBounded(groups, OFFSET_FETCH_CONCURRENCY, async (g) => {
      const c = await fetchCommitted(cluster, g.coordinator, g.groupId).catch(() => null);
      if (c && c.length > 0) offsets.set(g.groupId, c);
    }),
  );
  return offsets;
}

async function build(clients: ClusterClients): Promise<GroupIndex> {
  const started = Date.now();
  const listed = await listGroupIds(clients);
  const offsets = await readOffsets(clients, listed);
  return { at: started, buildMs: Date.now() - started, version: ++versions, offsets, byTopic: indexByTopic(offsets), partitions: partitionsOf(offsets) };
}

function rebuild(clients: ClusterClients, s: State): Promise<GroupIndex> {
  if (!s.building) {
    const changedBefore = new Set(s.changed);
    s.building = build(clients)
      .then((snap) => {
        for (const id of changedBefore) s.changed.delete(id);
        s.snapshot = snap;
        return snap;
      })
      .finally(() => {
        s.building = null;
      });
    s.building.catch(() => undefined);
  }
  return s.building;
}

async function patchChanged(clients: ClusterClients, s: State, snap: GroupIndex): Promise<GroupIndex> {
  const ids = [...s.changed];
  s.changed.clear();
  const listed = new Map((await listGroupIds(clients)).map((g) => [g.groupId, g]));
  const fresh = await readOffsets(clients, ids.map((id) => listed.get(id)).filter((g): g is GroupListing => g !== undefined));
  const offsets = new Map(snap.offsets);
  for (const id of ids) {
    const c = fresh.get(id);
    if (c) offsets.set(id, c);
    else offsets.delete(id);
  }
  const next = { ...snap, version: ++versions, offsets, byTopic: indexByTopic(offsets), partitions: partitionsOf(offsets) };
  if (s.snapshot === snap) s.snapshot = next;
  return next;
}

export const freshFor = (snap: GroupIndex) => Math.min(MAX_FRESH_MS, Math.max(MIN_FRESH_MS, 4 * snap.buildMs));

/** The current index: fresh, or stale while a rebuild runs in the background, or (first call) built now. */
export async function groupIndex(clients: ClusterClients): Promise<GroupIndex> {
  const s = stateOf(clients);
  const snap = s.snapshot;
  if (!snap) return rebuild(clients, s);
  if (Date.now() - snap.at >= freshFor(snap)) {
    const next = rebuild(clients, s);
    if (snap.buildMs < QUICK_BUILD_MS) return next.then((fresh) => (s.changed.size > 0 ? patchChanged(clients, s, fresh) : fresh));
    void next.catch(() => undefined);
  }
  return s.changed.size > 0 ? patchChanged(clients, s, snap) : snap;
}

/** Records that a group's offsets changed (reset, delete): the next answer re-reads them. */
export function markChanged(clients: ClusterClients, groupId: string): void {
  stateOf(clients).changed.add(groupId);
}

/** Forgets the index (tests, a cluster change). */
export function dropGroupIndex(clients: ClusterClients): void {
  states.delete(clients);
}
