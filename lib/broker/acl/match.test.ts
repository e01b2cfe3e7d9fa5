// Kafka's filter semantics for DescribeAcls/DeleteAcls (ANY, MATCH, exact principals and hosts) and
// the checks a binding passes before CreateAcls stores it.
import { describe, expect, it } from 'vitest';
import { bindingProblem, filterMatches, filterProblem } from './match';
import { AclOperation as Op, AclPermission, AclResourceType as Res, PatternType, type AclBinding, type AclBindingFilter } from './types';

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
const ANY: AclBindingFilter = {
  resourceType: Res.ANY,
  resourceName: null,
  patternType: PatternType.ANY,
  principal: null,
  host: null,
  operation: Op.ANY,
  permission: AclPermission.ANY,
};

describe('filterMatches', () => {
  it('matches everything with ANY codes and null strings, and compares the rest exactly', () => {
    expect(filterMatches(ANY, binding())).toBe(true);
    expect(filterMatches({ ...ANY, principal: 'User:alice' }, binding())).toBe(true);
    expect(filterMatches({ ...ANY, principal: 'User:*' }, binding())).toBe(false);
    expect(filterMatches({ ...ANY, host: '*' }, binding())).toBe(true);
    expect(filterMatches({ ...ANY, operation: Op.ALL }, binding())).toBe(false);
    expect(filterMatches({ ...ANY, permission: AclPermission.DENY }, binding())).toBe(false);
    expect(filterMatches({ ...ANY, resourceType: Res.GROUP }, binding())).toBe(false);
  });

  it('a LITERAL or PREFIXED filter selects that pattern type with exactly that name', () => {
    const prefixed = binding({ resourceName: 'ord', patternType: PatternType.PREFIXED });
    expect(filterMatches({ ...ANY, patternType: PatternType.LITERAL, resourceName: 'orders' }, binding())).toBe(true);
    expect(filterMatches({ ...ANY, patternType: PatternType.LITERAL, resourceName: 'orders' }, prefixed)).toBe(false);
    expect(filterMatches({ ...ANY, patternType: PatternType.PREFIXED, resourceName: 'ord' }, prefixed)).toBe(true);
    expect(filterMatches({ ...ANY, patternType: PatternType.ANY, resourceName: 'ord' }, prefixed)).toBe(true);
    expect(filterMatches({ ...ANY, patternType: PatternType.ANY, resourceName: 'orders' }, prefixed)).toBe(false);
  });

  it('a MATCH filter selects everything that applies to the named resource', () => {
    const match = { ...ANY, patternType: PatternType.MATCH, resourceName: 'orders' };
    expect(filterMatches(match, binding())).toBe(true);
    expect(filterMatches(match, binding({ resourceName: '*' }))).toBe(true);
    expect(filterMatches(match, binding({ resourceName: 'ord', patternType: PatternType.PREFIXED }))).toBe(true);
    expect(filterMatches(match, binding({ resourceName: 'orders-eu', patternType: PatternType.PREFIXED }))).toBe(false);
    expect(filterMatches(match, binding({ resourceName: 'order' }))).toBe(false);
  });
});

describe('validation', () => {
  it('refuses filters with UNKNOWN or unheard-of codes', () => {
    expect(filterProblem(ANY)).toBeNull();
    expect(filterProblem({ ...ANY, operation: Op.UNKNOWN })).toMatch(/UNKNOWN/);
    expect(filterProblem({ ...ANY, resourceType: 42 })).toMatch(/UNKNOWN/);
  });

  it('creates only specific, well-formed bindings', () => {
    expect(bindingProblem(binding())).toBeNull();
    expect(bindingProblem(binding({ patternType: PatternType.MATCH }))).toMatch(/LITERAL or PREFIXED/);
    expect(bindingProblem(binding({ resourceType: Res.ANY }))).toMatch(/resource type/);
    expect(bindingProblem(binding({ operation: Op.ANY }))).toMatch(/operation/);
    expect(bindingProblem(binding({ permission: AclPermission.ANY }))).toMatch(/permission/);
    expect(bindingProblem(binding({ resourceName: '' }))).toBe('Invalid empty resource name');
    expect(bindingProblem(binding({ resourceType: Res.CLUSTER, resourceName: 'mine' }))).toMatch(/kafka-cluster/);
    expect(bindingProblem(binding({ resourceType: Res.CLUSTER, resourceName: 'kafka-cluster', operation: Op.ALTER }))).toBeNull();
    expect(bindingProblem(binding({ principal: 'alice' }))).toMatch(/principalType:principalName/);
  });
});
