// The authorization decision as a pure function: Kafka's rules for super users, wildcards, prefixes,
// implied operations, deny over allow, and "no ACL means no access"; and the any-resource-of-a-type
// question InitProducerId asks.
import { describe, expect, it } from 'vitest';
import { authorize, authorizeAnyOfType, type AuthRequest } from './authorize';
import { AclOperation as Op, AclPermission, AclResourceType as Res, PatternType, type AclBinding } from './types';

const acl = (over: Partial<AclBinding>): AclBinding => ({
  resourceType: Res.TOPIC,
  resourceName: 'orders',
  patternType: PatternType.LITERAL,
  principal: 'User:alice',
  host: '*',
  operation: Op.READ,
  permission: AclPermission.ALLOW,
  ...over,
});
const req = (over: Partial<AuthRequest> = {}): AuthRequest => ({
  principal: 'User:alice',
  host: '10.0.0.1',
  operation: Op.READ,
  resourceType: Res.TOPIC,
  resourceName: 'orders',
  ...over,
});
const none = new Set<string>();

describe('authorize', () => {
  it('refuses when no ACL applies, and super users always pass', () => {
    expect(authorize([], req(), none)).toBe(false);
    expect(authorize([], req(), new Set(['User:alice']))).toBe(true);
    expect(authorize([acl({ permission: AclPermission.DENY })], req(), new Set(['User:alice']))).toBe(true);
    expect(authorize([], req(), new Set(['User:*']))).toBe(true);
  });

  it('matches the principal exactly or User:*, and the host exactly or *', () => {
    expect(authorize([acl({})], req(), none)).toBe(true);
    expect(authorize([acl({ principal: 'User:bob' })], req(), none)).toBe(false);
    expect(authorize([acl({ principal: 'User:*' })], req(), none)).toBe(true);
    expect(authorize([acl({ host: '10.0.0.1' })], req(), none)).toBe(true);
    expect(authorize([acl({ host: '10.0.0.2' })], req(), none)).toBe(false);
  });

  it('applies LITERAL names, the * literal and PREFIXED names, only to their resource type', () => {
    expect(authorize([acl({ resourceName: 'order' })], req(), none)).toBe(false);
    expect(authorize([acl({ resourceName: '*' })], req(), none)).toBe(true);
    expect(authorize([acl({ resourceName: 'ord', patternType: PatternType.PREFIXED })], req(), none)).toBe(true);
    expect(authorize([acl({ resourceName: 'orders-eu', patternType: PatternType.PREFIXED })], req(), none)).toBe(false);
    expect(authorize([acl({ resourceType: Res.GROUP })], req(), none)).toBe(false);
  });

  it('lets ALL and the operations that imply DESCRIBE / DESCRIBE_CONFIGS allow them', () => {
    expect(authorize([acl({ operation: Op.ALL })], req({ operation: Op.WRITE }), none)).toBe(true);
    for (const op of [Op.READ, Op.WRITE, Op.DELETE, Op.ALTER, Op.DESCRIBE]) {
      expect(authorize([acl({ operation: op })], req({ operation: Op.DESCRIBE }), none)).toBe(true);
    }
    expect(authorize([acl({ operation: Op.CREATE })], req({ operation: Op.DESCRIBE }), none)).toBe(false);
    expect(authorize([acl({ operation: Op.ALTER_CONFIGS })], req({ operation: Op.DESCRIBE_CONFIGS }), none)).toBe(true);
    expect(authorize([acl({ operation: Op.DESCRIBE })], req({ operation: Op.READ }), none)).toBe(false);
    expect(authorize([acl({ operation: Op.READ })], req({ operation: Op.WRITE }), none)).toBe(false);
  });

  it('lets a DENY for the operation or ALL win over any ALLOW, but not a DENY of an implying operation', () => {
    const allowAll = acl({ operation: Op.ALL, resourceName: '*' });
    expect(authorize([allowAll, acl({ operation: Op.READ, permission: AclPermission.DENY })], req(), none)).toBe(false);
    expect(authorize([allowAll, acl({ operation: Op.ALL, permission: AclPermission.DENY, principal: 'User:*' })], req(), none)).toBe(false);
    expect(authorize([allowAll, acl({ operation: Op.READ, permission: AclPermission.DENY, patternType: PatternType.PREFIXED, resourceName: 'o' })], req(), none)).toBe(false);
    // Denying READ does not deny DESCRIBE, which ALL still allows.
    expect(authorize([allowAll, acl({ operation: Op.READ, permission: AclPermission.DENY })], req({ operation: Op.DESCRIBE }), none)).toBe(true);
    // A DENY for another host or principal does not apply.
    expect(authorize([allowAll, acl({ permission: AclPermission.DENY, host: '10.9.9.9' })], req(), none)).toBe(true);
  });
});

describe('authorizeAnyOfType', () => {
  const write = { principal: 'User:alice', host: '10.0.0.1', operation: Op.WRITE, resourceType: Res.TOPIC };

  it('allows when some ALLOW for the operation (or ALL) is not covered by a DENY', () => {
    expect(authorizeAnyOfType([], write, none)).toBe(false);
    expect(authorizeAnyOfType([acl({ operation: Op.WRITE })], write, none)).toBe(true);
    expect(authorizeAnyOfType([acl({ operation: Op.ALL, patternType: PatternType.PREFIXED, resourceName: 'o' })], write, none)).toBe(true);
    expect(authorizeAnyOfType([acl({ operation: Op.READ })], write, none)).toBe(false);
    expect(authorizeAnyOfType([acl({ operation: Op.WRITE, resourceType: Res.GROUP })], write, none)).toBe(false);
  });

  it('refuses when DENYs cover every ALLOW, or a DENY names the * literal', () => {
    const allow = acl({ operation: Op.WRITE });
    expect(authorizeAnyOfType([allow, acl({ operation: Op.WRITE, permission: AclPermission.DENY })], write, none)).toBe(false);
    expect(authorizeAnyOfType([allow, acl({ operation: Op.ALL, permission: AclPermission.DENY, patternType: PatternType.PREFIXED, resourceName: 'or' })], write, none)).toBe(false);
    expect(authorizeAnyOfType([allow, acl({ operation: Op.WRITE, permission: AclPermission.DENY, resourceName: '*' })], write, none)).toBe(false);
    expect(authorizeAnyOfType([allow, acl({ operation: Op.WRITE, permission: AclPermission.DENY, resourceName: 'other' })], write, none)).toBe(true);
    expect(authorizeAnyOfType([allow, acl({ permission: AclPermission.DENY })], write, new Set(['User:alice']))).toBe(true);
  });
});
