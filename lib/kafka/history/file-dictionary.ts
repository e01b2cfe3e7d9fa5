// One file's names: group and topic names get small ids in the order they first appear, written once
// per file in DICT records (store-format.ts), so a round carries numbers, not names.
import 'server-only';
import { ByteReader, ByteWriter } from './varint';

/** Names of one file and their ids, with the ones not yet written. */
export class FileDictionary {
  readonly groups: string[] = [];
  readonly topics: string[] = [];
  private readonly groupIds = new Map<string, number>();
  private readonly topicIds = new Map<string, number>();
  private pendingGroups: string[] = [];
  private pendingTopics: string[] = [];

  groupId(name: string): number | undefined {
    return this.groupIds.get(name);
  }
  topicId(name: string): number | undefined {
    return this.topicIds.get(name);
  }

  group(name: string): number {
    let id = this.groupIds.get(name);
    if (id === undefined) {
      id = this.groups.length;
      this.groups.push(name);
      this.groupIds.set(name, id);
      this.pendingGroups.push(name);
    }
    return id;
  }

  topic(name: string): number {
    let id = this.topicIds.get(name);
    if (id === undefined) {
      id = this.topics.length;
      this.topics.push(name);
      this.topicIds.set(name, id);
      this.pendingTopics.push(name);
    }
    return id;
  }

  /** The body of a DICT record with the names added since the last call, or null. */
  takePending(): Uint8Array | null {
    if (this.pendingGroups.length === 0 && this.pendingTopics.length === 0) return null;
    const w = new ByteWriter();
    w.uint(this.pendingGroups.length);
    for (const g of this.pendingGroups) w.string(g);
    w.uint(this.pendingTopics.length);
    for (const t of this.pendingTopics) w.string(t);
    this.pendingGroups = [];
    this.pendingTopics = [];
    return w.view().slice();
  }

  /** Adds the names of a DICT record read from a file. */
  read(body: Uint8Array): void {
    const r = new ByteReader(body);
    for (let n = r.uint(); n > 0; n--) this.group(r.string());
    for (let n = r.uint(); n > 0; n--) this.topic(r.string());
    this.pendingGroups = [];
    this.pendingTopics = [];
  }
}
