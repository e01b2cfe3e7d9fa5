// The cluster's metadata on disk, cheap to change at any number of topics. A snapshot (`cluster.json`:
// cluster id, topics, partition replica lists, leader epochs, config overrides — the format data dirs
// have always had) plus a journal (`cluster.journal`) with one JSON line per persisted change: the
// changed topics' whole records and the deleted names. A change costs bytes in proportion to what
// changed; when the journal outgrows the snapshot the two are folded into a new snapshot, so the
// bytes written stay linear in the changes made. Both live in the store's metadata files, so
// in-memory mode needs nothing special.
import type { Store } from '../storage/store';

const SNAPSHOT = 'cluster.json';
const JOURNAL = 'cluster.journal';
/** The journal is folded into the snapshot once it is larger than this and than the snapshot. */
const MIN_JOURNAL_BYTES = 256 * 1024;

export interface TopicMeta {
  name: string;
  id: string;
  internal: boolean;
  configs: Record<string, string>;
  partitions: { replicas: number[]; leaderEpoch: number }[];
}

export interface ClusterMeta {
  version: 1;
  clusterId: string;
  topics: TopicMeta[];
}

/** One journal line: topics written whole, then names removed. */
interface JournalEntry {
  topics?: TopicMeta[];
  deleted?: string[];
}

export class ClusterMetaFiles {
  private snapshotBytes = 0;
  private journalBytes = 0;

  constructor(private readonly store: Store) {}

  /** The persisted metadata (snapshot with the journal replayed), or null for a new store. */
  read(): ClusterMeta | null {
    const text = this.store.readMeta(SNAPSHOT);
    if (text === null) return null;
    const meta = JSON.parse(text) as ClusterMeta;
    if (meta.version !== 1 || typeof meta.clusterId !== 'string' || !Array.isArray(meta.topics)) {
      throw new Error(`unreadable ${SNAPSHOT}`);
    }
    const topics = new Map(meta.topics.map((t) => [t.name, t]));
    for (const entry of journalEntries(this.store.readMeta(JOURNAL) ?? '')) {
      for (const t of entry.topics ?? []) topics.set(t.name, t);
      for (const name of entry.deleted ?? []) topics.delete(name);
    }
    return { ...meta, topics: [...topics.values()] };
  }

  /** Writes the whole state as the new snapshot and starts an empty journal. */
  writeSnapshot(meta: ClusterMeta): void {
    const text = JSON.stringify(meta, null, 1);
    this.store.writeMeta(SNAPSHOT, text);
    // A crash here leaves the old journal beside the new snapshot; replaying it again is harmless
    // because each entry states whole topics, not steps.
    this.store.writeMeta(JOURNAL, '');
    this.snapshotBytes = text.length;
    this.journalBytes = 0;
  }

  /** Records one change: `topics` as they now are, `deleted` gone. `whole` gives the full state for
   * when the journal is due to be folded into the snapshot. */
  writeChange(topics: TopicMeta[], deleted: string[], whole: () => ClusterMeta): void {
    if (topics.length === 0 && deleted.length === 0) return;
    if (this.journalBytes > Math.max(MIN_JOURNAL_BYTES, this.snapshotBytes)) {
      this.writeSnapshot(whole());
      return;
    }
    const entry: JournalEntry = {};
    if (topics.length > 0) entry.topics = topics;
    if (deleted.length > 0) entry.deleted = deleted;
    const line = `${JSON.stringify(entry)}\n`;
    this.store.appendMeta(JOURNAL, line);
    this.journalBytes += line.length;
  }
}

/** Complete lines only: a crash during an append leaves a torn last line, which never happened. */
function journalEntries(text: string): JournalEntry[] {
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  return complete
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line, i) => {
      try {
        return JSON.parse(line) as JournalEntry;
      } catch {
        throw new Error(`unreadable ${JOURNAL} line ${i + 1}`);
      }
    });
}
