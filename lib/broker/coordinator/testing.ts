// Test fixtures for the coordinator's tests: an in-memory OffsetsBackend (the real broker writes to
// `__consumer_offsets`) and request builders with short timeouts. Not used by production code.

import type { JoinGroupInput, OffsetsBackend, OffsetsRecord } from './types';

export class MemoryBackend implements OffsetsBackend {
  readonly records: OffsetsRecord[] = [];
  /** When set, append throws (a full disk, a lost log). */
  failing = false;

  append(records: OffsetsRecord[]): void {
    if (this.failing) throw new Error('log unavailable');
    this.records.push(...records);
  }
}

export function joinRequest(overrides: Partial<JoinGroupInput> = {}): JoinGroupInput {
  return {
    groupId: 'g',
    apiVersion: 3,
    sessionTimeoutMs: 1000,
    rebalanceTimeoutMs: 2000,
    memberId: '',
    groupInstanceId: null,
    protocolType: 'consumer',
    protocols: [{ name: 'range', metadata: Buffer.from('sub') }],
    clientId: 'client',
    clientHost: '/127.0.0.1',
    ...overrides,
  };
}
