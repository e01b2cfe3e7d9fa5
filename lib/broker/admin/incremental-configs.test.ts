// IncrementalAlterConfigs' operations as pure functions, for topics (SET, DELETE, APPEND, SUBTRACT
// with Kafka's list rules and validation) and for broker entities (only the dynamic settings the
// broker applies, worded as Kafka's refusals), and AlterConfigs' full replace for brokers.
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../common/kafka-error-codes';
import { ConfigOperation as Op, incrementalBrokerConfigs, incrementalTopicConfigs, replacementBrokerConfigs } from './incremental-configs';

const change = (name: string, configOperation: number, value: string | null = null) => ({ name, configOperation, value });

describe('incrementalTopicConfigs', () => {
  it('SET and DELETE replace and drop overrides; other overrides stay', () => {
    expect(incrementalTopicConfigs({ 'retention.ms': '1000', 'segment.bytes': '4096' }, [change('retention.ms', Op.SET, ' 2000 '), change('segment.bytes', Op.DELETE)])).toEqual({
      ok: true,
      configs: { 'retention.ms': '2000' },
    });
    expect(incrementalTopicConfigs({}, [change('retention.ms', Op.DELETE)])).toEqual({ ok: true, configs: {} });
  });

  it('APPEND starts from the override or the default and skips items present; SUBTRACT removes items', () => {
    expect(incrementalTopicConfigs({}, [change('cleanup.policy', Op.APPEND, 'compact')])).toEqual({ ok: true, configs: { 'cleanup.policy': 'delete,compact' } });
    expect(incrementalTopicConfigs({ 'cleanup.policy': 'compact' }, [change('cleanup.policy', Op.APPEND, 'compact,delete')])).toEqual({
      ok: true,
      configs: { 'cleanup.policy': 'compact,delete' },
    });
    expect(incrementalTopicConfigs({ 'cleanup.policy': 'compact,delete' }, [change('cleanup.policy', Op.SUBTRACT, 'delete')])).toEqual({
      ok: true,
      configs: { 'cleanup.policy': 'compact' },
    });
  });

  it('refuses what Kafka refuses, with its error codes', () => {
    const fail = (changes: ReturnType<typeof change>[]) => incrementalTopicConfigs({}, changes) as { ok: false; errorCode: number; message: string };
    expect(fail([change('retention.ms', Op.APPEND, '5')])).toMatchObject({ errorCode: ErrorCode.INVALID_CONFIG, message: 'Config value append is not allowed for config key: retention.ms' });
    expect(fail([change('nope', Op.SET, '5')])).toMatchObject({ errorCode: ErrorCode.INVALID_CONFIG, message: 'Unknown topic config name: nope' });
    expect(fail([change('retention.ms', Op.SET, 'soon')]).errorCode).toBe(ErrorCode.INVALID_CONFIG);
    expect(fail([change('cleanup.policy', Op.SUBTRACT, 'delete')]).errorCode).toBe(ErrorCode.INVALID_CONFIG); // an empty list
    expect(fail([change('retention.ms', Op.SET, '1'), change('retention.ms', Op.DELETE)]).errorCode).toBe(ErrorCode.INVALID_REQUEST);
    expect(fail([change('retention.ms', 9, '1')]).errorCode).toBe(ErrorCode.INVALID_REQUEST);
  });
});

describe('broker entities', () => {
  it('accepts the dynamic settings the broker applies and refuses others as Kafka words it', () => {
    expect(incrementalBrokerConfigs({ 'log.retention.ms': '1' }, [change('log.segment.bytes', Op.SET, '1048576'), change('log.retention.ms', Op.DELETE)], '0')).toEqual({
      ok: true,
      configs: { 'log.segment.bytes': '1048576' },
    });
    const readOnly = incrementalBrokerConfigs({}, [change('num.partitions', Op.SET, '3')], '0') as { ok: false; errorCode: number; message: string };
    expect(readOnly.errorCode).toBe(ErrorCode.INVALID_REQUEST);
    expect(readOnly.message).toMatch(/^Invalid config value for resource ConfigResource\(type=BROKER, name='0'\): Cannot update these configs dynamically: Set\(num.partitions\)/);
    const bad = incrementalBrokerConfigs({}, [change('log.segment.bytes', Op.SET, '3')], '') as { ok: false; message: string };
    expect(bad.message).toContain('Invalid value 3 for configuration log.segment.bytes: Value must be at least 14');
    expect(incrementalBrokerConfigs({}, [change('log.retention.ms', Op.APPEND, '1')], '0')).toMatchObject({ ok: false, errorCode: ErrorCode.INVALID_CONFIG });
  });

  it('AlterConfigs replaces the whole set', () => {
    expect(replacementBrokerConfigs([{ name: 'message.max.bytes', value: '2000' }], '1')).toEqual({ ok: true, configs: { 'message.max.bytes': '2000' } });
    expect(replacementBrokerConfigs([], '1')).toEqual({ ok: true, configs: {} });
    expect(replacementBrokerConfigs([{ name: 'broker.id', value: '3' }], '1')).toMatchObject({ ok: false, errorCode: ErrorCode.INVALID_REQUEST });
  });
});
