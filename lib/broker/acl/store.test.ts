// The ACL store keeps each ACL once, removes what filters select (reporting each under the first
// filter that selects it), and writes every change to the store's metadata, so a store reopened on
// the same directory has the same ACLs.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../storage/store';
import { AclStore } from './store';
import { AclOperation as Op, AclPermission, AclResourceType as Res, PatternType, type AclBinding, type AclBindingFilter } from './types';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const binding = (over: Partial<AclBinding> = {}): AclBinding => ({
  resourceType: Res.TOPIC,
  resourceName: 'orders',
  patternType: PatternType.LITERAL,
  principal: 'User:alice',
  host: '*',
  operation: Op.READ,
  permission: AclPermission.ALLOW,
  ...over,
});
const filter = (over: Partial<AclBindingFilter>): AclBindingFilter => ({
  resourceType: Res.ANY,
  resourceName: null,
  patternType: PatternType.ANY,
  principal: null,
  host: null,
  operation: Op.ANY,
  permission: AclPermission.ANY,
  ...over,
});

describe('AclStore', () => {
  it('keeps ACLs once, removes by filter, and reloads them from disk', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kafscope-acl-store-'));
    dirs.push(dir);
    let store = openStore({ dataDir: dir, fsync: 'never' });
    const acls = new AclStore(store);
    const group = binding({ resourceType: Res.GROUP, resourceName: 'g-', patternType: PatternType.PREFIXED });
    acls.add([binding(), binding(), group, binding({ permission: AclPermission.DENY, operation: Op.WRITE })]);
    expect(acls.all()).toHaveLength(3);

    const removed = acls.remove([filter({ permission: AclPermission.DENY }), filter({ resourceType: Res.TOPIC }), filter({ principal: 'User:nobody' })]);
    expect(removed.map((r) => r.length)).toEqual([1, 1, 0]);
    expect(acls.all()).toEqual([group]);
    store.close();

    store = openStore({ dataDir: dir, fsync: 'never' });
    expect(new AclStore(store).all()).toEqual([group]);
    expect(store.readMeta('acls.json')).toContain('"patternType": "PREFIXED"');
    store.close();
  });

  it('starts empty on a new store', () => {
    const store = openStore({ dataDir: null, fsync: 'never' });
    expect(new AclStore(store).all()).toEqual([]);
    store.close();
  });
});
