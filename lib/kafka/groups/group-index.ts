// An index of every group's committed offsets, for the questions that need all groups at once:
// "which groups consume this topic, with what lag" (the topic page) and "sort all groups by lag or
// topic count" (the group list). Kafdrop answers the first by fetching every group's offsets on each
// page view, one after the other (30 minutes at 5,566 groups); here a page view never waits for that.
//
// - Built from one ListGroups per broker (all at once) and OffsetFetch at each coordinator: many
//   groups per request where the broker can (v8, Kafka 3.0+), else one per group, many in flight
//   with a bound (groups-data.ts).
// - A snapshot is fresh for max(2 s, 4 x the time its build took), capped at 30 s, so a small
//   cluster is as current as every other cache here and a cluster with 10,000 groups is not re-read
//   more than a quarter of the time. After that, a quick build (under QUICK_BUILD_MS last time) is
//   simply awaited; a slow one is stale-while-revalidate: the request gets the current snapshot at
//   once and starts one background rebuild shared by every caller. Only a first build is waited for.
// - Offsets changed through this API (reset, delete) are patched into the snapshot before the next
//   answer (markChanged), so nobody sees their own change undone.
// - The commits are packed (packed-commits.ts), and a rebuild compares each answer with them in
//   place: one that finds nothing moved keeps the snapshot's commits, version and derived lists, so
//   at 10,000 groups a rebuild every few seconds leaves nothing behind for the collector (it was
//   ~25 MB each time), and what was computed for the version (lag totals) stays valid.
import 'server-only';
import { mapBounded } from '../connection/cache';
import type { ClusterClients } from '../connection/clients';
import type { RawBroker } from '../connection/kafkajs-types';
import { brokerOn } from '../reading/reader-broker';
import { OFFSET_FETCH_CONCURRENCY, committedOfGroupsUnlessKnown, committedUnlessKnown, listGroupIds, type Committed, type GroupListing } from './groups-data';
import { EMPTY_COMMITS, commitsAt, knownAt, pack, positionOf, unpack, type PackedCommits } from './packed-commits';

const MIN_FRESH_MS = 2_000;
const MAX_FRESH_MS = 30_000;
const QUICK_BUILD_MS = 250;
/** Groups per OffsetFetch v8 request, and such requests in flight per coordinator: at 10,000 groups
 * a few dozen requests instead of 10,000, each answer a few hundred KB at most. */
const GROUPS_PER_REQUEST = 250;
const REQUESTS_PER_COORDINATOR = 2;

export interface GroupIndex {
  /** When the data was read (ms since the epoch) and how long reading it took. */
  at: number;
  buildMs: number;
  /** Changes whenever the data does (a rebuild that found other offsets, or a patch), and only
   * then: a key for what is derived from it. */
  version: number;
  /** Every partition with a commit, once each. */
  partitions: { topic: string; partition: number }[];
  /** Every group with commits, and its commits (packed-commits.ts: commitsOf, commitsAt). */
  commits: PackedCommits;
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

function partitionsOf(p: PackedCommits): GroupIndex['partitions'] {
  const seen = p.topics.map(() => new Set<number>());
  const out: GroupIndex['partitions'] = [];
  for (let j = 0; j < p.partition.length; j++) {
    const parts = seen[p.topicOf[j]!]!;
    const partition = p.partition[j]!;
    if (parts.has(partition)) continue;
    parts.add(partition);
    out.push({ topic: p.topics[p.topicOf[j]!]!, partition });
  }
  return out;
}

function indexByTopic(p: PackedCommits): Map<string, string[]> {
  const byTopic = new Map<string, string[]>();
  const lastGroup = new Int32Array(p.topics.length).fill(-1);
  // Groups are in id order already.
  p.ids.forEach((id, pos) => {
    for (let j = p.start[pos]!; j < p.start[pos + 1]!; j++) {
      const t = p.topicOf[j]!;
      if (lastGroup[t] === pos) continue;
      lastGroup[t] = pos;
      const topic = p.topics[t]!;
      const ids = byTopic.get(topic);
      if (ids) ids.push(id);
      else byTopic.set(topic, [id]);
    }
  });
  return byTopic;
}

/** A new snapshot of `commits` (a new version, derived lists computed once). */
function snapshotOf(commits: PackedCommits, at: number, buildMs: number): GroupIndex {
  return { at, buildMs, version: ++versions, commits, byTopic: indexByTopic(commits), partitions: partitionsOf(commits) };
}

/** Every listed group's committed offsets, each answer compared in place with what `previous` holds
 * (groups-data.ts). Null when nothing moved and no group came or went: the previous commits stand. */
async function readOffsets(clients: ClusterClients, groups: GroupListing[], previous: PackedCommits): Promise<PackedCommits | null> {
  // Per listed group: its position in `previous` when its commits are as before, -2 when it has
  // none (or no answer), -1 when they are new or moved (in `moved`).
  const status = new Int32Array(groups.length).fill(-2);
  const moved = new Map<string, Committed[]>();
  let same = 0;
  const record = (i: number, pos: number, c: Committed[] | null | Error) => {
    if (c instanceof Error) return;
    if (c === null) {
      status[i] = pos;
      same++;
    } else if (c.length > 0) {
      status[i] = -1;
      moved.set(groups[i]!.groupId, c);
    }
  };
  const knownOf = (pos: number) => (pos < 0 ? undefined : knownAt(previous, pos));
  await clients.lanes.interactive.run(async (cluster) => {
    // Each coordinator's connection is looked up once per build, not once per group; one that
    // broke is looked up (and reconnected) again by the next group.
    const brokers = new Map<number, Promise<RawBroker | null>>();
    const brokerOf = (node: number) => {
      let b = brokers.get(node);
      if (!b) brokers.set(node, (b = brokerOn(cluster, node).catch(() => null)));
      return b;
    };
    // Many groups per request where the coordinator can (Kafka 3.0+); the others one by one.
    const byNode = new Map<number, number[]>();
    groups.forEach((g, i) => {
      const list = byNode.get(g.coordinator);
      if (list) list.push(i);
      else byNode.set(g.coordinator, [i]);
    });
    const oneByOne: number[] = [];
    await Promise.all(
      [...byNode].map(async ([node, indexes]) => {
        const broker = await brokerOf(node);
        if (!broker) return;
        const chunks: number[][] = [];
        for (let k = 0; k < indexes.length; k += GROUPS_PER_REQUEST) chunks.push(indexes.slice(k, k + GROUPS_PER_REQUEST));
        await mapBounded(chunks, REQUESTS_PER_COORDINATOR, async (chunk) => {
          const positions = chunk.map((i) => positionOf(previous, groups[i]!.groupId));
          const answers = await committedOfGroupsUnlessKnown(
            broker,
            chunk.map((i) => groups[i]!.groupId),
            (k) => knownOf(positions[k]!),
          ).catch(() => undefined);
          if (answers === null) oneByOne.push(...chunk);
          else if (answers) answers.forEach((c, k) => record(chunk[k]!, positions[k]!, c));
        });
      }),
    );
    await mapBounded(oneByOne, OFFSET_FETCH_CONCURRENCY, async (i) => {
      const g = groups[i]!;
      const broker = await brokerOf(g.coordinator);
      if (!broker) return;
      const pos = positionOf(previous, g.groupId);
      try {
        record(i, pos, await committedUnlessKnown(broker, g.groupId, knownOf(pos)));
      } catch {
        if (!broker.isConnected()) brokers.delete(g.coordinator);
      }
    });
  });
  if (moved.size === 0 && same === previous.ids.length) return null;
  const groupsNow: { id: string; commits: Committed[] }[] = [];
  groups.forEach((g, i) => {
    const st = status[i]!;
    if (st >= 0) groupsNow.push({ id: g.groupId, commits: commitsAt(previous, st) });
    else if (st === -1) groupsNow.push({ id: g.groupId, commits: moved.get(g.groupId)! });
  });
  return pack(groupsNow);
}

async function build(clients: ClusterClients, previous: GroupIndex | null): Promise<GroupIndex> {
  const started = Date.now();
  const listed = await listGroupIds(clients);
  const commits = await readOffsets(clients, listed, previous?.commits ?? EMPTY_COMMITS);
  const buildMs = Date.now() - started;
  // Nothing moved: the same commits, version and derived lists, read at a new time.
  if (previous && commits === null) return { ...previous, at: started, buildMs };
  return snapshotOf(commits ?? EMPTY_COMMITS, started, buildMs);
}

function rebuild(clients: ClusterClients, s: State): Promise<GroupIndex> {
  if (!s.building) {
    const changedBefore = new Set(s.changed);
    s.building = build(clients, s.snapshot)
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
  const ids = new Set(s.changed);
  s.changed.clear();
  const listed = new Map((await listGroupIds(clients)).map((g) => [g.groupId, g]));
  const fresh = await readOffsets(clients, [...ids].map((id) => listed.get(id)).filter((g): g is GroupListing => g !== undefined), EMPTY_COMMITS);
  const groups = unpack(snap.commits).filter((g) => !ids.has(g.id));
  if (fresh) groups.push(...unpack(fresh));
  const next = snapshotOf(pack(groups), snap.at, snap.buildMs);
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
