// The broker's ACLs, kept in the store's metadata documents beside the topic metadata (`acls.json`),
// so they survive a restart and in-memory mode keeps them in memory with the same code. ACL sets are
// small and change only when an operator edits them, so each CreateAcls/DeleteAcls request rewrites
// the one document atomically (temp file, fsync, rename) instead of keeping a journal like
// cluster/persistence.ts does for thousands of topics. Codes are written by name, so the file reads
// like `kafka-acls --list` output.
import type { Store } from '../storage/types';
import type { BrokerService } from '../handlers/types';
import { filterMatches, sameBinding } from './match';
import { AclOperation, AclPermission, AclResourceType, codeName, PatternType, type AclBinding, type AclBindingFilter } from './types';

const META_NAME = 'acls.json';

interface PersistedAcl {
  resourceType: string;
  resourceName: string;
  patternType: string;
  principal: string;
  host: string;
  operation: string;
  permission: string;
}

interface PersistedAcls {
  version: 1;
  acls: PersistedAcl[];
}

function code(table: Readonly<Record<string, number>>, name: string): number {
  const value = table[name];
  if (value === undefined) throw new Error(`unreadable ${META_NAME}: unknown name ${name}`);
  return value;
}

export class AclStore implements BrokerService {
  private bindings: AclBinding[] = [];

  constructor(private readonly store: Store) {
    const text = store.readMeta(META_NAME);
    if (text === null) return;
    const doc = JSON.parse(text) as PersistedAcls;
    if (doc.version !== 1 || !Array.isArray(doc.acls)) throw new Error(`unreadable ${META_NAME}`);
    this.bindings = doc.acls.map((a) => ({
      resourceType: code(AclResourceType, a.resourceType),
      resourceName: a.resourceName,
      patternType: code(PatternType, a.patternType),
      principal: a.principal,
      host: a.host,
      operation: code(AclOperation, a.operation),
      permission: code(AclPermission, a.permission),
    }));
  }

  /** Every ACL, in the order they were created. */
  all(): readonly AclBinding[] {
    return this.bindings;
  }

  /** The ACLs a filter selects. */
  matching(filter: AclBindingFilter): AclBinding[] {
    return this.bindings.filter((b) => filterMatches(filter, b));
  }

  /** Adds the bindings not already present (each ACL is kept once) and writes the document. */
  add(bindings: readonly AclBinding[]): void {
    let changed = false;
    for (const b of bindings) {
      if (this.bindings.some((x) => sameBinding(x, b))) continue;
      this.bindings.push({ ...b });
      changed = true;
    }
    if (changed) this.save();
  }

  /**
   * Removes every ACL some filter selects and writes the document; answers, per filter, the ACLs it
   * removed. An ACL selected by several filters is reported under the first, as Kafka does.
   */
  remove(filters: readonly AclBindingFilter[]): AclBinding[][] {
    const removed: AclBinding[][] = filters.map(() => []);
    const kept: AclBinding[] = [];
    for (const b of this.bindings) {
      const i = filters.findIndex((f) => filterMatches(f, b));
      if (i < 0) kept.push(b);
      else removed[i]!.push(b);
    }
    if (kept.length !== this.bindings.length) {
      this.bindings = kept;
      this.save();
    }
    return removed;
  }

  /** Nothing to flush: every change is written when it is made. */
  close(): void {}

  private save(): void {
    const doc: PersistedAcls = {
      version: 1,
      acls: this.bindings.map((b) => ({
        resourceType: codeName(AclResourceType, b.resourceType),
        resourceName: b.resourceName,
        patternType: codeName(PatternType, b.patternType),
        principal: b.principal,
        host: b.host,
        operation: codeName(AclOperation, b.operation),
        permission: codeName(AclPermission, b.permission),
      })),
    };
    this.store.writeMeta(META_NAME, JSON.stringify(doc, null, 1));
  }
}
