import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, publicSettings } from './index';
import { parseJaas, parseProperties } from './kafka-properties';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('switch defaults', () => {
  it('external cluster: create, produce and reset on; destructive operations off', () => {
    expect(loadConfig({ KAFKA_BROKERCONNECT: 'k1:9092' }).switches).toEqual({
      readOnly: false,
      topicCreate: true,
      messageSend: true,
      offsetReset: true,
      topicDelete: false,
      recordsDelete: false,
      groupDelete: false,
    });
  });
  it('embedded demo: everything on', () => {
    const s = loadConfig({ KAFSCOPE_EMBEDDED_BOOTSTRAP: '127.0.0.1:9092' }).switches;
    expect(Object.entries(s).filter(([k, v]) => k !== 'readOnly' && !v)).toEqual([]);
    expect(s.readOnly).toBe(false);
  });
  it.each([
    ['TOPIC_CREATE_ENABLED', 'topicCreate', 'false', false],
    ['TOPIC_DELETE_ENABLED', 'topicDelete', 'yes', true],
    ['MESSAGE_SEND_ENABLED', 'messageSend', '0', false],
    ['OFFSET_RESET_ENABLED', 'offsetReset', 'NO', false],
    ['RECORDS_DELETE_ENABLED', 'recordsDelete', '1', true],
    ['GROUP_DELETE_ENABLED', 'groupDelete', 'True', true],
  ] as const)('%s=%s sets %s', (variable, key, value, expected) => {
    expect(loadConfig({ KAFKA_BROKERCONNECT: 'k:1', [variable]: value }).switches[key]).toBe(expected);
  });
  it('READ_ONLY turns every mutation off, even ones enabled explicitly', () => {
    const s = loadConfig({ KAFKA_BROKERCONNECT: 'k:1', READ_ONLY: 'true', TOPIC_DELETE_ENABLED: 'true' }).switches;
    expect(s).toMatchObject({ readOnly: true, topicCreate: false, topicDelete: false, messageSend: false, offsetReset: false, recordsDelete: false, groupDelete: false });
  });
  it.each(['READ_ONLY', 'TOPIC_CREATE_ENABLED', 'GROUP_DELETE_ENABLED', 'KAFKA_TLS_ENABLED'])('an invalid %s names the variable', (variable) => {
    const err = (() => {
      try {
        loadConfig({ KAFKA_BROKERCONNECT: 'k:1', [variable]: 'maybe' });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toContain(variable);
    expect((err as ConfigError).message).not.toContain('maybe');
  });
});

describe('connection', () => {
  it('KAFKA_BROKERCONNECT wins and means an external cluster', () => {
    const c = loadConfig({ KAFKA_BROKERCONNECT: 'a:9092, b:9093', KAFSCOPE_EMBEDDED_BOOTSTRAP: 'x:1' }).connection;
    expect(c).toMatchObject({ mode: 'external', brokers: ['a:9092', 'b:9093'], sasl: null, tls: null });
  });
  it('falls back to the embedded bootstrap, and to no broker at all before it is announced', () => {
    expect(loadConfig({ KAFSCOPE_EMBEDDED_BOOTSTRAP: '127.0.0.1:5' }).connection).toMatchObject({ mode: 'embedded', brokers: ['127.0.0.1:5'] });
    expect(loadConfig({}).connection).toMatchObject({ mode: 'embedded', brokers: [] });
  });
  it('rejects a broker list that is not host:port', () => {
    expect(() => loadConfig({ KAFKA_BROKERCONNECT: 'localhost' })).toThrow(/KAFKA_BROKERCONNECT/);
    expect(() => loadConfig({ KAFKA_BROKERCONNECT: 'h:99999' })).toThrow(/KAFKA_BROKERCONNECT/);
  });
  it('SASL from explicit variables', () => {
    const c = loadConfig({ KAFKA_BROKERCONNECT: 'k:1', KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' }).connection;
    expect(c.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'u', password: 'p' });
    expect(() => loadConfig({ KAFKA_BROKERCONNECT: 'k:1', KAFKA_SASL_MECHANISM: 'GSSAPI' })).toThrow(/KAFKA_SASL_MECHANISM/);
    expect(() => loadConfig({ KAFKA_BROKERCONNECT: 'k:1', KAFKA_SASL_MECHANISM: 'PLAIN' })).toThrow(/KAFKA_SASL_USERNAME/);
  });
  it("Kafdrop's KAFKA_PROPERTIES: protocol, mechanism and JAAS credentials", () => {
    const props = [
      '# from a Kafdrop deployment',
      'security.protocol=SASL_SSL',
      'sasl.mechanism=SCRAM-SHA-256',
      'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\',
      '   username="alice" password="s3cr\\\\"et";',
    ].join('\n');
    const c = loadConfig({ KAFKA_BROKERCONNECT: 'k:1', KAFKA_PROPERTIES: b64(props) }).connection;
    expect(c.sasl).toEqual({ mechanism: 'scram-sha-256', username: 'alice', password: 's3cr"et' });
    expect(c.tls).toEqual({});
  });
  it('TLS files are read; a missing file names its variable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kafscope-config-'));
    try {
      writeFileSync(join(dir, 'ca.pem'), 'CA PEM');
      const c = loadConfig({ KAFKA_BROKERCONNECT: 'k:1', KAFKA_TLS_ENABLED: 'true', KAFKA_TLS_CA_FILE: join(dir, 'ca.pem') }).connection;
      expect(c.tls).toEqual({ ca: 'CA PEM' });
      expect(() => loadConfig({ KAFKA_BROKERCONNECT: 'k:1', KAFKA_TLS_CA_FILE: join(dir, 'nope.pem') })).toThrow(/KAFKA_TLS_CA_FILE/);
      expect(loadConfig({ KAFKA_BROKERCONNECT: 'k:1', KAFKA_TLS_ENABLED: '1' }).connection.tls).toEqual({});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('timeouts are configurable and validated', () => {
    expect(loadConfig({ KAFKA_BROKERCONNECT: 'k:1' }).timeouts).toEqual({ connectMs: 3000, requestMs: 10000 });
    expect(loadConfig({ KAFKA_BROKERCONNECT: 'k:1', KAFKA_REQUEST_TIMEOUT_MS: '2500' }).timeouts.requestMs).toBe(2500);
    expect(() => loadConfig({ KAFKA_BROKERCONNECT: 'k:1', KAFKA_CONNECT_TIMEOUT_MS: 'soon' })).toThrow(/KAFKA_CONNECT_TIMEOUT_MS/);
  });
  it('public settings carry no credentials', () => {
    const cfg = loadConfig({ KAFKA_BROKERCONNECT: 'k:1', KAFKA_SASL_MECHANISM: 'PLAIN', KAFKA_SASL_USERNAME: 'bob', KAFKA_SASL_PASSWORD: 'hunter2' });
    const text = JSON.stringify(publicSettings(cfg));
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('bob');
    expect(publicSettings(cfg)).toMatchObject({ mode: 'external', bootstrap: 'k:1' });
  });
});

describe('properties and JAAS parsing', () => {
  it('reads separators, comments and escapes', () => {
    const p = parseProperties('a=1\n! c\nb : two words\nc\\ d=x\\ty\nempty=');
    expect(Object.fromEntries(p)).toEqual({ a: '1', b: 'two words', 'c d': 'x\ty', empty: '' });
  });
  it('reads unquoted JAAS values', () => {
    expect(parseJaas('PlainLoginModule required username=bob password=pw;')).toEqual({ username: 'bob', password: 'pw' });
  });
});
