// The shared error table answers both directions (code to name and back) and never fails on a code
// a newer cluster might send.
import { describe, expect, it } from 'vitest';
import { ErrorCode, errorCode, errorInfo, errorName } from './kafka-error-codes';

describe('Kafka error codes', () => {
  it('names, codes and retriability agree with the wire protocol', () => {
    expect(errorInfo(3)).toEqual({ code: 3, name: 'UNKNOWN_TOPIC_OR_PARTITION', retriable: true });
    expect(errorInfo(36)).toEqual({ code: 36, name: 'TOPIC_ALREADY_EXISTS', retriable: false });
    expect(errorName(0)).toBe('NONE');
    expect(errorName(-1)).toBe('UNKNOWN_SERVER_ERROR');
    expect(errorCode('NOT_COORDINATOR')).toBe(16);
    expect(ErrorCode.GROUP_ID_NOT_FOUND).toBe(69);
  });

  it('every named constant round-trips through errorCode and errorName', () => {
    for (const [name, code] of Object.entries(ErrorCode)) {
      expect(errorCode(name)).toBe(code);
      expect(errorName(code)).toBe(name);
    }
  });

  it('an unknown code gets a name and is not retriable; an unknown name throws', () => {
    expect(errorInfo(999)).toEqual({ code: 999, name: 'KAFKA_ERROR_999', retriable: false });
    expect(errorName(-42)).toBe('KAFKA_ERROR_-42');
    expect(() => errorCode('NO_SUCH_ERROR')).toThrow(/NO_SUCH_ERROR/);
  });
});
