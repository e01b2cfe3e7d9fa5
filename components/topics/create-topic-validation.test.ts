import { describe, expect, it } from 'vitest';
import { fieldOf, nameError, toRequest, validateDraft, type CreateDraft } from './create-topic-validation';

const draft = (over: Partial<CreateDraft> = {}): CreateDraft => ({
  name: 'orders',
  partitions: '3',
  replicationFactor: '1',
  configs: [],
  ...over,
});

describe('create-topic validation', () => {
  it('accepts a valid draft and builds the request', () => {
    expect(validateDraft(draft({ configs: [{ key: 'cleanup.policy', value: 'compact' }] }), 3)).toEqual({});
    expect(toRequest(draft({ configs: [{ key: ' cleanup.policy ', value: 'compact' }, { key: '', value: '' }] }))).toEqual({
      name: 'orders',
      partitions: 3,
      replicationFactor: 1,
      configs: { 'cleanup.policy': 'compact' },
    });
  });

  it("applies Kafka's name rules", () => {
    expect(nameError('bad name!')).toMatch(/letters, digits/);
    expect(nameError('..')).toMatch(/"\."/);
    expect(nameError('x'.repeat(250))).toMatch(/249/);
    expect(nameError('')).toBeUndefined();
    expect(nameError('ok.name_1-2')).toBeUndefined();
  });

  it('limits the replication factor to the broker count', () => {
    expect(validateDraft(draft({ replicationFactor: '4' }), 3).replicationFactor).toMatch(/number of brokers \(3\)/);
    expect(validateDraft(draft({ partitions: '0' }), 3).partitions).toBeDefined();
  });

  it('rejects duplicate config names', () => {
    const e = validateDraft(draft({ configs: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] }), 3);
    expect(e.configs).toMatch(/once/);
  });

  it('maps server fields and conflicts to form fields', () => {
    expect(fieldOf(undefined, 409)).toBe('name');
    expect(fieldOf('replicationFactor', 400)).toBe('replicationFactor');
    expect(fieldOf('configs.retention.ms', 400)).toBe('configs');
    expect(fieldOf('body.name', 400)).toBe('name');
    expect(fieldOf('other', 400)).toBeUndefined();
  });
});
