// When topic metadata is written, as opposed to how (persistence.ts). A restart must find every
// topic, so each change is written before the method making it returns, or, inside `persistOnce`,
// once when the whole request's changes are done: one request creating thousands of topics writes
// them in one go. Only the topics that changed are written. Everything runs on the one event loop,
// so a counter of open deferrals is all the coordination needed.
import type { ClusterMeta, ClusterMetaFiles, TopicMeta } from './persistence';
import type { TopicState } from './state';

export class MetadataWrites {
  /** Names of topics changed (or deleted) since metadata was last written. */
  private readonly unsaved = new Set<string>();
  /** How many `persistOnce` calls are running; changes wait for them to end. */
  private deferring = 0;

  constructor(
    private readonly files: ClusterMetaFiles,
    private readonly clusterId: string,
    private readonly topics: ReadonlyMap<string, TopicState>,
  ) {}

  /** The whole metadata, as the snapshot stores it. */
  metadata(): ClusterMeta {
    return { version: 1, clusterId: this.clusterId, topics: [...this.topics.values()].map(topicMeta) };
  }

  /** Writes everything as a fresh snapshot (on open). */
  writeSnapshot(): void {
    this.files.writeSnapshot(this.metadata());
  }

  /** Records that `topic` changed (or is gone) and writes it, unless a `persistOnce` is running. */
  changed(topic: string): void {
    this.unsaved.add(topic);
    this.saveUnlessDeferred();
  }

  /** Records that `topic` changed without writing yet: for a caller changing many, then calling saveUnlessDeferred. */
  mark(topic: string): void {
    this.unsaved.add(topic);
  }

  saveUnlessDeferred(): void {
    if (this.deferring === 0) this.save();
  }

  /** Runs `fn` (sync or async) and writes the metadata it changed once, when it ends. Changes made
   * meanwhile by anything else are written then too, never later than they would be without this. */
  persistOnce<T>(fn: () => T): T {
    this.deferring++;
    let result: T;
    try {
      result = fn();
    } catch (err) {
      this.endDeferral();
      throw err;
    }
    if (result instanceof Promise) return result.finally(() => this.endDeferral()) as T;
    this.endDeferral();
    return result;
  }

  private endDeferral(): void {
    this.deferring--;
    // Every deferral writes what is pending when it ends, so one request's answer never waits on
    // another, longer request that overlapped it.
    this.save();
  }

  private save(): void {
    if (this.unsaved.size === 0) return;
    const written: TopicMeta[] = [];
    const deleted: string[] = [];
    for (const name of this.unsaved) {
      const t = this.topics.get(name);
      if (t) written.push(topicMeta(t));
      else deleted.push(name);
    }
    this.files.writeChange(written, deleted, () => this.metadata());
    this.unsaved.clear();
  }
}

function topicMeta(t: TopicState): TopicMeta {
  return {
    name: t.name,
    id: t.id.toString('hex'),
    internal: t.internal,
    configs: t.configs,
    partitions: t.partitions.map((p) => ({ replicas: p.replicas, leaderEpoch: p.leaderEpoch })),
  };
}
