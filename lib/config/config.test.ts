import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterInfoSchema } from '../schemas/cluster';
import { ConfigError, loadAppConfig, publicClusterInfo } from './index';
import { parseJaas, parseProperties } from './kafka-properties';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
/** The first (here: only) cluster of a configuration. */
const first = (env: Record<string, string>) => loadAppConfig(env).clusters[0]!;

describe('switch defaults', () => {
  it('external cluster: create, produce and reset on; destructive operations off', () => {
    expect(first({ KAFKA_BROKERCONNECT: 'k1:9092' }).switches).toEqual({
      readOnly: false,
      topicCreate: true,
      messageSend: true,
      offsetReset: true,
      topicDelete: false,
      recordsDelete: false,
      groupDelete: false,
      aclEdit: false,
      schemaEdit: false,
    });
  });
  it('embedded demo: everything on', () => {
    const s = first({}).switches;
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
    ['ACL_EDIT_ENABLED', 'aclEdit', 'yes', true],
    ['SCHEMA_EDIT_ENABLED', 'schemaEdit', 'true', true],
  ] as const)('%s=%s sets %s', (variable, key, value, expected) => {
    expect(first({ KAFKA_BROKERCONNECT: 'k:1', [variable]: value }).switches[key]).toBe(expected);
  });
  it('READ_ONLY turns every mutation off, even ones enabled explicitly', () => {
    const s = first({ KAFKA_BROKERCONNECT: 'k:1', READ_ONLY: 'true', TOPIC_DELETE_ENABLED: 'true' }).switches;
    expect(s).toMatchObject({ readOnly: true, topicCreate: false, topicDelete: false, messageSend: false, offsetReset: false, recordsDelete: false, groupDelete: false, aclEdit: false, schemaEdit: false });
  });
  it.each(['READ_ONLY', 'TOPIC_CREATE_ENABLED', 'GROUP_DELETE_ENABLED', 'KAFKA_TLS_ENABLED'])('an invalid %s names the variable', (variable) => {
    const err = (() => {
      try {
        loadAppConfig({ KAFKA_BROKERCONNECT: 'k:1', [variable]: 'maybe' });
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
  it('KAFKA_BROKERCONNECT means an external cluster', () => {
    const c = first({ KAFKA_BROKERCONNECT: 'a:9092, b:9093' });
    expect(c).toMatchObject({ mode: 'external', brokers: ['a:9092', 'b:9093'], sasl: null, tls: null });
  });
  it('without it, the embedded demo, whose address is not known until its broker runs', () => {
    expect(first({})).toMatchObject({ name: 'demo', mode: 'embedded', brokers: [] });
  });
  it('rejects a broker list that is not host:port', () => {
    expect(() => loadAppConfig({ KAFKA_BROKERCONNECT: 'localhost' })).toThrow(/KAFKA_BROKERCONNECT/);
    expect(() => loadAppConfig({ KAFKA_BROKERCONNECT: 'h:99999' })).toThrow(/KAFKA_BROKERCONNECT/);
  });
  it('SASL from explicit variables', () => {
    const c = first({ KAFKA_BROKERCONNECT: 'k:1', KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' });
    expect(c.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'u', password: 'p' });
    expect(() => loadAppConfig({ KAFKA_BROKERCONNECT: 'k:1', KAFKA_SASL_MECHANISM: 'GSSAPI' })).toThrow(/KAFKA_SASL_MECHANISM/);
    expect(() => loadAppConfig({ KAFKA_BROKERCONNECT: 'k:1', KAFKA_SASL_MECHANISM: 'PLAIN' })).toThrow(/KAFKA_SASL_USERNAME/);
  });
  it("Kafdrop's KAFKA_PROPERTIES: protocol, mechanism and JAAS credentials", () => {
    const props = [
      '# from a Kafdrop deployment',
      'security.protocol=SASL_SSL',
      'sasl.mechanism=SCRAM-SHA-256',
      'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\',
      '   username="alice" password="s3cr\\\\"et";',
    ].join('\n');
    const c = first({ KAFKA_BROKERCONNECT: 'k:1', KAFKA_PROPERTIES: b64(props) });
    expect(c.sasl).toEqual({ mechanism: 'scram-sha-256', username: 'alice', password: 's3cr"et' });
    expect(c.tls).toEqual({});
  });
  it('TLS files are read; a missing file names its variable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kafscope-config-'));
    try {
      writeFileSync(join(dir, 'ca.pem'), 'CA PEM');
      const c = first({ KAFKA_BROKERCONNECT: 'k:1', KAFKA_TLS_ENABLED: 'true', KAFKA_TLS_CA_FILE: join(dir, 'ca.pem') });
      expect(c.tls).toEqual({ ca: 'CA PEM' });
      expect(() => loadAppConfig({ KAFKA_BROKERCONNECT: 'k:1', KAFKA_TLS_CA_FILE: join(dir, 'nope.pem') })).toThrow(/KAFKA_TLS_CA_FILE/);
      expect(first({ KAFKA_BROKERCONNECT: 'k:1', KAFKA_TLS_ENABLED: '1' }).tls).toEqual({});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('timeouts are configurable and validated', () => {
    expect(loadAppConfig({ KAFKA_BROKERCONNECT: 'k:1' }).timeouts).toEqual({ connectMs: 3000, requestMs: 10000 });
    expect(loadAppConfig({ KAFKA_BROKERCONNECT: 'k:1', KAFKA_REQUEST_TIMEOUT_MS: '2500' }).timeouts.requestMs).toBe(2500);
    expect(() => loadAppConfig({ KAFKA_BROKERCONNECT: 'k:1', KAFKA_CONNECT_TIMEOUT_MS: 'soon' })).toThrow(/KAFKA_CONNECT_TIMEOUT_MS/);
  });
  it('public settings carry no credentials', () => {
    const c = first({ KAFKA_BROKERCONNECT: 'k:1', KAFKA_SASL_MECHANISM: 'PLAIN', KAFKA_SASL_USERNAME: 'bob', KAFKA_SASL_PASSWORD: 'hunter2' });
    const text = JSON.stringify(publicClusterInfo(c, c.brokers));
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('bob');
    expect(publicClusterInfo(c, c.brokers)).toMatchObject({ mode: 'external', bootstrap: 'k:1' });
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

// ---------------------------------------------------------------------------------------------
// The multi-cluster configuration: loadAppConfig.

const SECRET = 'hunter2-s3cret';
const SR_SECRET = 'sr-pa55word';
const JAAS = `org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="${SECRET}";`;
const PEM = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n';

let dir = '';
let caPath = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kafscope-clusters-'));
  caPath = join(dir, 'ca.pem');
  writeFileSync(caPath, PEM);
  // What a Java keystore looks like to a text reader: binary, no PEM armour.
  writeFileSync(join(dir, 'truststore.jks'), Buffer.from([0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2, 0x41, 0x42]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
/** Writes a real temporary configuration file (lines joined) and returns its path. */
function configFile(ext: 'yaml' | 'yml' | 'json', lines: string[] | string): string {
  const path = join(dir, `config-${++fileCount}.${ext}`);
  writeFileSync(path, Array.isArray(lines) ? lines.join('\n') + '\n' : lines);
  return path;
}

/** The message of the ConfigError fn throws (and the test fails if it throws anything else). */
function configErrorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
}

const ALL_ON = { readOnly: false, topicCreate: true, topicDelete: true, messageSend: true, offsetReset: true, recordsDelete: true, groupDelete: true, aclEdit: true, schemaEdit: true };
const ALL_OFF = { readOnly: true, topicCreate: false, topicDelete: false, messageSend: false, offsetReset: false, recordsDelete: false, groupDelete: false, aclEdit: false, schemaEdit: false };

/** Three clusters as kafbat variables: SASL + TLS + a registry on prod, read-only staging, dev. */
function kafbatEnv(): Record<string, string> {
  return {
    TOPIC_CREATE_ENABLED: 'false', // a global default, overridden by no cluster here
    KAFKA_CLUSTERS_0_NAME: 'prod',
    KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: 'k1:9092,k2:9092',
    KAFKA_CLUSTERS_0_PROPERTIES_SECURITY_PROTOCOL: 'SASL_SSL',
    KAFKA_CLUSTERS_0_PROPERTIES_SASL_MECHANISM: 'SCRAM-SHA-512',
    KAFKA_CLUSTERS_0_PROPERTIES_SASL_JAAS_CONFIG: JAAS,
    KAFKA_CLUSTERS_0_PROPERTIES_SSL_TRUSTSTORE_LOCATION: caPath,
    KAFKA_CLUSTERS_0_PROPERTIES_SSL_TRUSTSTORE_TYPE: 'PEM',
    KAFKA_CLUSTERS_0_TOPIC_DELETE_ENABLED: 'true',
    KAFKA_CLUSTERS_0_SCHEMAREGISTRY: 'http://sr1:8081,http://sr2:8081',
    KAFKA_CLUSTERS_0_SCHEMAREGISTRYAUTH_USERNAME: 'sr-user',
    KAFKA_CLUSTERS_0_SCHEMAREGISTRYAUTH_PASSWORD: SR_SECRET,
    // Indexes need not be contiguous, and order numerically (10 after 7, not after 1).
    KAFKA_CLUSTERS_10_NAME: 'dev',
    KAFKA_CLUSTERS_10_BOOTSTRAPSERVERS: 'dev:9092',
    KAFKA_CLUSTERS_10_MESSAGE_SEND_ENABLED: 'no',
    KAFKA_CLUSTERS_7_NAME: 'staging',
    KAFKA_CLUSTERS_7_BOOTSTRAPSERVERS: 'stage:9092',
    KAFKA_CLUSTERS_7_READONLY: 'true',
    KAFKA_CLUSTERS_7_TOPIC_DELETE_ENABLED: 'true', // read-only still wins
  };
}

/** The same three clusters, as a kafbat-style file would hold them. */
function fileContent() {
  return {
    kafka: {
      clusters: [
        {
          name: 'prod',
          bootstrapServers: 'k1:9092,k2:9092',
          properties: {
            'security.protocol': 'SASL_SSL',
            'sasl.mechanism': 'SCRAM-SHA-512',
            'sasl.jaas.config': JAAS,
            'ssl.truststore.location': caPath,
            'ssl.truststore.type': 'PEM',
          },
          switches: { topicDelete: true },
          schemaRegistry: ['http://sr1:8081', 'http://sr2:8081'],
          schemaRegistryAuth: { username: 'sr-user', password: SR_SECRET },
        },
        { name: 'staging', bootstrapServers: ['stage:9092'], readOnly: true, switches: { topicDelete: true } },
        { name: 'dev', bootstrapServers: 'dev:9092', switches: { messageSend: false } },
      ],
    },
  };
}

function fileYaml(): string[] {
  return [
    '# copied from a kafbat application.yml',
    'kafka:',
    '  clusters:',
    '    - name: prod',
    '      bootstrapServers: k1:9092,k2:9092',
    '      properties:',
    '        security.protocol: SASL_SSL',
    '        sasl.mechanism: SCRAM-SHA-512',
    `        sasl.jaas.config: '${JAAS}'`,
    `        ssl.truststore.location: ${caPath}`,
    '        ssl.truststore.type: PEM',
    '      switches: { topicDelete: true }',
    '      schemaRegistry: [http://sr1:8081, http://sr2:8081]',
    `      schemaRegistryAuth: { username: sr-user, password: ${SR_SECRET} }`,
    '    - name: staging',
    '      bootstrapServers:',
    '        - stage:9092',
    '      readOnly: true',
    '      switches:',
    '        topicDelete: true',
    '    - name: dev',
    '      bootstrapServers: dev:9092',
    '      switches: { messageSend: false }',
  ];
}

describe('loadAppConfig: kafbat-style variables', () => {
  it('give the clusters in index order, with SASL, read-only and per-cluster switches', () => {
    const config = loadAppConfig(kafbatEnv());
    expect(config.source).toBe('kafbat-env');
    expect(config.demo).toBe(false);
    expect(config.defaultCluster).toBe('prod');
    expect(config.clusters.map((c) => c.name)).toEqual(['prod', 'staging', 'dev']);
    const [prod, staging, dev] = config.clusters;
    expect(prod).toMatchObject({
      mode: 'external',
      brokers: ['k1:9092', 'k2:9092'],
      sasl: { mechanism: 'scram-sha-512', username: 'alice', password: SECRET },
      tls: { ca: PEM },
      schemaRegistry: { urls: ['http://sr1:8081', 'http://sr2:8081'], username: 'sr-user', password: SR_SECRET },
      // topicDelete: the cluster's own value wins over the global default (off);
      // topicCreate: the global TOPIC_CREATE_ENABLED=false is every cluster's default.
      switches: { readOnly: false, topicCreate: false, topicDelete: true, messageSend: true, offsetReset: true, recordsDelete: false, groupDelete: false, aclEdit: false, schemaEdit: false },
    });
    expect(prod?.key).toMatch(/^[0-9a-f]{16}$/);
    expect(prod?.key).not.toContain(SECRET);
    expect(staging).toMatchObject({ brokers: ['stage:9092'], sasl: null, tls: null, schemaRegistry: null, switches: ALL_OFF });
    expect(dev?.switches).toMatchObject({ readOnly: false, topicCreate: false, messageSend: false, offsetReset: true });
  });

  it('a cluster value beats the global one in both directions, READONLY included', () => {
    const config = loadAppConfig({
      READ_ONLY: 'true',
      TOPIC_DELETE_ENABLED: 'true',
      KAFKA_CLUSTERS_0_NAME: 'a',
      KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: 'a:1',
      KAFKA_CLUSTERS_1_NAME: 'b',
      KAFKA_CLUSTERS_1_BOOTSTRAPSERVERS: 'b:1',
      KAFKA_CLUSTERS_1_READONLY: 'false',
      KAFKA_CLUSTERS_1_TOPIC_DELETE_ENABLED: 'false',
    });
    expect(config.clusters[0]?.switches).toEqual(ALL_OFF);
    expect(config.clusters[1]?.switches).toMatchObject({ readOnly: false, topicDelete: false, topicCreate: true });
  });

  it('TLS from librdkafka-style locations, with a client certificate; files come through readFile', () => {
    const files: Record<string, string> = { '/ca.pem': PEM, '/client.pem': PEM.replace('fake', 'cert'), '/client.key': '-----BEGIN PRIVATE KEY-----\nk\n-----END PRIVATE KEY-----\n' };
    const config = loadAppConfig(
      {
        KAFKA_CLUSTERS_0_NAME: 'mtls',
        KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: 'k:9093',
        KAFKA_CLUSTERS_0_PROPERTIES_SECURITY_PROTOCOL: 'SSL',
        KAFKA_CLUSTERS_0_PROPERTIES_SSL_CA_LOCATION: '/ca.pem',
        KAFKA_CLUSTERS_0_PROPERTIES_SSL_CERTIFICATE_LOCATION: '/client.pem',
        KAFKA_CLUSTERS_0_PROPERTIES_SSL_KEY_LOCATION: '/client.key',
      },
      {
        readFile: (p) => {
          const text = files[p];
          if (text === undefined) throw new Error('ENOENT');
          return text;
        },
      },
    );
    expect(config.clusters[0]).toMatchObject({ sasl: null, tls: { ca: files['/ca.pem'], cert: files['/client.pem'], key: files['/client.key'] } });
  });

  it('SASL_SSL without files trusts the system CAs; PLAIN is the default mechanism', () => {
    const [c] = loadAppConfig({
      KAFKA_CLUSTERS_0_NAME: 'cloud',
      KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: 'pkc.example:9092',
      KAFKA_CLUSTERS_0_PROPERTIES_SECURITY_PROTOCOL: 'sasl_ssl',
      KAFKA_CLUSTERS_0_PROPERTIES_SASL_JAAS_CONFIG: 'PlainLoginModule required username=key password=s;',
    }).clusters;
    expect(c).toMatchObject({ tls: {}, sasl: { mechanism: 'plain', username: 'key', password: 's' } });
  });
});

describe('loadAppConfig: a configuration file', () => {
  it('YAML and JSON with the same content give equal results, equal to the variables', () => {
    const yaml = loadAppConfig({ TOPIC_CREATE_ENABLED: 'false', KAFSCOPE_CONFIG: configFile('yaml', fileYaml()) });
    const json = loadAppConfig({ TOPIC_CREATE_ENABLED: 'false', KAFSCOPE_CONFIG: configFile('json', JSON.stringify(fileContent(), null, 2)) });
    expect(yaml.source).toBe('file');
    expect(json).toEqual(yaml);
    expect(yaml.clusters).toEqual(loadAppConfig(kafbatEnv()).clusters);
  });

  it('takes `clusters:` at the top level too, and .yml', () => {
    const path = configFile('yml', ['clusters:', '  - name: only', '    bootstrapServers: [a:1, b:2]']);
    const config = loadAppConfig({ KAFSCOPE_CONFIG: path });
    expect(config.clusters).toHaveLength(1);
    expect(config.clusters[0]).toMatchObject({ name: 'only', brokers: ['a:1', 'b:2'], sasl: null, tls: null });
    expect(config.defaultCluster).toBe('only');
  });
});

describe('loadAppConfig: Kafdrop variables, the demo and global settings', () => {
  it("Kafdrop's variables give one cluster named `default`, or KAFSCOPE_CLUSTER_NAME", () => {
    const env = { KAFKA_BROKERCONNECT: 'a:9092,b:9092', KAFKA_SASL_MECHANISM: 'PLAIN', KAFKA_SASL_USERNAME: 'bob', KAFKA_SASL_PASSWORD: SECRET };
    const config = loadAppConfig(env);
    expect(config.source).toBe('kafdrop-env');
    expect(config.clusters).toHaveLength(1);
    expect(config.clusters[0]).toMatchObject({
      name: 'default',
      mode: 'external',
      brokers: ['a:9092', 'b:9092'],
      sasl: { mechanism: 'plain', username: 'bob', password: SECRET },
      tls: null,
      schemaRegistry: null,
      switches: { readOnly: false, topicCreate: true, topicDelete: false },
    });
    expect(loadAppConfig({ ...env, KAFSCOPE_CLUSTER_NAME: 'legacy' }).defaultCluster).toBe('legacy');
  });

  it("Kafdrop's KAFKA_PROPERTIES and schema registry variables", () => {
    const [c] = loadAppConfig({
      KAFKA_BROKERCONNECT: 'k:1',
      KAFKA_PROPERTIES: b64(`security.protocol=SASL_SSL\nsasl.jaas.config=${JAAS}\nsasl.mechanism=SCRAM-SHA-512`),
      SCHEMAREGISTRY_CONNECT: 'https://sr:8081',
      SCHEMAREGISTRY_AUTH: `srbob:${SR_SECRET}`,
    }).clusters;
    expect(c).toMatchObject({ sasl: { mechanism: 'scram-sha-512', username: 'alice', password: SECRET }, tls: {} });
    expect(c?.schemaRegistry).toEqual({ urls: ['https://sr:8081'], username: 'srbob', password: SR_SECRET });
  });

  it('KAFSCOPE_DEMO adds the demo after the configured clusters; the default stays the first configured', () => {
    const config = loadAppConfig({ ...kafbatEnv(), KAFSCOPE_DEMO: 'true' });
    expect(config.demo).toBe(true);
    expect(config.source).toBe('kafbat-env');
    expect(config.clusters.map((c) => c.name)).toEqual(['prod', 'staging', 'dev', 'demo']);
    expect(config.defaultCluster).toBe('prod');
    // The demo is a sandbox: every switch on unless a global variable says otherwise (here
    // TOPIC_CREATE_ENABLED=false), as in today's embedded mode.
    expect(config.clusters[3]).toMatchObject({ mode: 'embedded', brokers: [], sasl: null, tls: null, schemaRegistry: null });
    expect(config.clusters[3]?.switches).toEqual({ ...ALL_ON, topicCreate: false });
    const kafdrop = loadAppConfig({ KAFKA_BROKERCONNECT: 'k:1', KAFSCOPE_DEMO: 'yes' });
    expect(kafdrop.clusters.map((c) => c.name)).toEqual(['default', 'demo']);
  });

  it('nothing configured gives only the demo', () => {
    const config = loadAppConfig({});
    expect(config).toMatchObject({ source: 'demo', demo: true, defaultCluster: 'demo' });
    expect(config.clusters).toHaveLength(1);
    expect(config.clusters[0]).toMatchObject({ name: 'demo', mode: 'embedded', brokers: [], switches: ALL_ON });
  });

  it('timeouts and lanes, with the old reader-pool variable as the fallback of the interactive lane', () => {
    const base = { KAFKA_BROKERCONNECT: 'k:1' };
    expect(loadAppConfig(base)).toMatchObject({ timeouts: { connectMs: 3000, requestMs: 10000 }, lanes: { interactive: 4, long: 2 } });
    expect(loadAppConfig({ ...base, KAFKA_CONNECT_TIMEOUT_MS: '500', KAFKA_REQUEST_TIMEOUT_MS: '2500' }).timeouts).toEqual({ connectMs: 500, requestMs: 2500 });
    expect(loadAppConfig({ ...base, KAFSCOPE_READER_POOL_SIZE: '6' }).lanes).toEqual({ interactive: 6, long: 2 });
    expect(loadAppConfig({ ...base, KAFSCOPE_READER_POOL_SIZE: '6', KAFSCOPE_INTERACTIVE_LANE: '8', KAFSCOPE_LONG_LANE: '64' }).lanes).toEqual({ interactive: 8, long: 64 });
    expect(configErrorOf(() => loadAppConfig({ ...base, KAFSCOPE_LONG_LANE: '65' }))).toBe('KAFSCOPE_LONG_LANE: must be a whole number between 1 and 64');
    expect(configErrorOf(() => loadAppConfig({ ...base, KAFSCOPE_INTERACTIVE_LANE: '0' }))).toMatch(/^KAFSCOPE_INTERACTIVE_LANE: /);
  });
});

describe('loadAppConfig: invalid variables name the variable, and never the secret', () => {
  // Every case carries secrets, so a message that quoted a value would be caught.
  const secrets = { KAFKA_CLUSTERS_0_PROPERTIES_SECURITY_PROTOCOL: 'SASL_PLAINTEXT', KAFKA_CLUSTERS_0_PROPERTIES_SASL_JAAS_CONFIG: JAAS };
  const one = { KAFKA_CLUSTERS_0_NAME: 'prod', KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: 'k:1', ...secrets };
  it.each<[string, Record<string, string>, string | RegExp]>([
    ['a name that is not URL-safe', { ...one, KAFKA_CLUSTERS_0_NAME: 'Prod Cluster' }, /^KAFKA_CLUSTERS_0_NAME: a cluster name must be 1-64 of a-z, 0-9, "\.", "_" or "-", because it is part of every URL/],
    ['a broker that is not host:port', { ...one, KAFKA_CLUSTERS_1_NAME: 'b', KAFKA_CLUSTERS_1_BOOTSTRAPSERVERS: 'localhost' }, 'KAFKA_CLUSTERS_1_BOOTSTRAPSERVERS: "localhost" is not host:port'],
    ['a port out of range', { ...one, KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: 'k:1,h:99999' }, 'KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: "h:99999" is not host:port'],
    ['a name given twice', { ...one, KAFKA_CLUSTERS_3_NAME: 'prod', KAFKA_CLUSTERS_3_BOOTSTRAPSERVERS: 'x:1' }, 'KAFKA_CLUSTERS_3_NAME: "prod" is already the name of the cluster at KAFKA_CLUSTERS_0_NAME'],
    ['a bad boolean (READONLY)', { ...one, KAFKA_CLUSTERS_0_READONLY: 'maybe' }, 'KAFKA_CLUSTERS_0_READONLY: must be one of true, false, 1, 0, yes, no'],
    ['a bad boolean (switch)', { ...one, KAFKA_CLUSTERS_0_TOPIC_DELETE_ENABLED: 'sure' }, 'KAFKA_CLUSTERS_0_TOPIC_DELETE_ENABLED: must be one of true, false, 1, 0, yes, no'],
    ['a bad global boolean', { ...one, GROUP_DELETE_ENABLED: 'maybe' }, 'GROUP_DELETE_ENABLED: must be one of true, false, 1, 0, yes, no'],
    ['a JKS truststore', { ...one, KAFKA_CLUSTERS_0_PROPERTIES_SECURITY_PROTOCOL: 'SASL_SSL', KAFKA_CLUSTERS_0_PROPERTIES_SSL_TRUSTSTORE_LOCATION: '/etc/ts.jks', KAFKA_CLUSTERS_0_PROPERTIES_SSL_TRUSTSTORE_TYPE: 'JKS' }, /^KAFKA_CLUSTERS_0_PROPERTIES_SSL_TRUSTSTORE_TYPE: a JKS truststore cannot be read by Kafscope: give a PEM file/],
    ['a missing name', { KAFKA_CLUSTERS_2_BOOTSTRAPSERVERS: 'k:1' }, 'KAFKA_CLUSTERS_2_NAME: is required: other KAFKA_CLUSTERS_2_* variables are set'],
    ['missing bootstrap servers', { ...one, KAFKA_CLUSTERS_1_NAME: 'b' }, 'KAFKA_CLUSTERS_1_BOOTSTRAPSERVERS: is required'],
    ['a misspelt variable', { ...one, KAFKA_CLUSTERS_0_READ_ONLY: 'true' }, /^KAFKA_CLUSTERS_0_READ_ONLY: is not a setting Kafscope reads/],
    ['an unsupported client property', { ...one, KAFKA_CLUSTERS_0_PROPERTIES_SSL_KEYSTORE_PASSWORD: SECRET }, /^KAFKA_CLUSTERS_0_PROPERTIES_SSL_KEYSTORE_PASSWORD: is not a setting/],
    ['an unknown protocol', { ...one, KAFKA_CLUSTERS_0_PROPERTIES_SECURITY_PROTOCOL: 'SASL_SSSL' }, 'KAFKA_CLUSTERS_0_PROPERTIES_SECURITY_PROTOCOL: security.protocol must be PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL'],
    ['a JAAS line without a password', { ...one, KAFKA_CLUSTERS_0_PROPERTIES_SASL_JAAS_CONFIG: `PlainLoginModule required username="${SECRET}";` }, 'KAFKA_CLUSTERS_0_PROPERTIES_SASL_JAAS_CONFIG: sasl.jaas.config must give username="..." and password="..."'],
    ['SASL without its JAAS line', { ...one, KAFKA_CLUSTERS_0_PROPERTIES_SASL_JAAS_CONFIG: '' }, /^KAFKA_CLUSTERS_0_PROPERTIES_SASL_JAAS_CONFIG: is required with security.protocol SASL_PLAINTEXT/],
    ['a JAAS line the protocol would ignore', { ...one, KAFKA_CLUSTERS_0_PROPERTIES_SECURITY_PROTOCOL: 'PLAINTEXT' }, 'KAFKA_CLUSTERS_0_PROPERTIES_SASL_JAAS_CONFIG: sasl.jaas.config applies only with security.protocol SASL_PLAINTEXT or SASL_SSL'],
    ['a schema registry URL with credentials', { ...one, KAFKA_CLUSTERS_0_SCHEMAREGISTRY: `http://u:${SECRET}@sr:8081` }, 'KAFKA_CLUSTERS_0_SCHEMAREGISTRY: URL 1 has credentials in it: give them as the schema registry username and password instead'],
    ['a schema registry password without a username', { ...one, KAFKA_CLUSTERS_0_SCHEMAREGISTRY: 'http://sr:8081', KAFKA_CLUSTERS_0_SCHEMAREGISTRYAUTH_PASSWORD: SECRET }, 'KAFKA_CLUSTERS_0_SCHEMAREGISTRYAUTH_USERNAME: is required with a schema registry password'],
    ['two sources at once (Kafdrop and kafbat)', { ...one, KAFKA_BROKERCONNECT: 'k:1' }, /^KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: cannot be used together with KAFKA_BROKERCONNECT/],
    ['two sources at once (kafbat and a file)', { ...one, KAFSCOPE_CONFIG: '/etc/kafscope.yaml' }, /^KAFSCOPE_CONFIG: cannot be used together with KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS/],
    ['two sources at once (Kafdrop and a file)', { KAFKA_BROKERCONNECT: 'k:1', KAFKA_SASL_PASSWORD: SECRET, KAFSCOPE_CONFIG: '/etc/kafscope.yaml' }, /^KAFSCOPE_CONFIG: cannot be used together with KAFKA_BROKERCONNECT/],
    ['the demo name while the demo runs', { ...one, KAFKA_CLUSTERS_0_NAME: 'demo', KAFSCOPE_DEMO: 'true' }, 'KAFKA_CLUSTERS_0_NAME: "demo" is the name of the embedded demo cluster, which KAFSCOPE_DEMO runs; choose another name'],
    ['a Kafdrop variable beside kafbat ones', { ...one, KAFKA_SASL_PASSWORD: SECRET }, /^KAFKA_SASL_PASSWORD: describes the cluster of KAFKA_BROKERCONNECT, which is not set/],
    ['a bad KAFSCOPE_CLUSTER_NAME', { KAFKA_BROKERCONNECT: 'k:1', KAFKA_SASL_PASSWORD: SECRET, KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_MECHANISM: 'PLAIN', KAFSCOPE_CLUSTER_NAME: 'Main' }, /^KAFSCOPE_CLUSTER_NAME: a cluster name must be/],
    ['a bad SCHEMAREGISTRY_AUTH', { KAFKA_BROKERCONNECT: 'k:1', SCHEMAREGISTRY_CONNECT: 'http://sr:1', SCHEMAREGISTRY_AUTH: SECRET }, 'SCHEMAREGISTRY_AUTH: must be username:password'],
    ['KAFSCOPE_DEMO=false with nothing configured', { KAFSCOPE_DEMO: 'false' }, /^KAFSCOPE_DEMO: is false, but no cluster is configured/],
    ['a config file of another kind', { KAFSCOPE_CONFIG: '/etc/kafscope.toml' }, 'KAFSCOPE_CONFIG: must name a .yaml, .yml or .json file'],
    ['a config file that is not there', { KAFSCOPE_CONFIG: '/nonexistent/kafscope.yaml' }, 'KAFSCOPE_CONFIG: cannot read the file /nonexistent/kafscope.yaml'],
  ])('%s', (_title, env, expected) => {
    const message = configErrorOf(() => loadAppConfig(env));
    if (typeof expected === 'string') expect(message).toBe(expected);
    else expect(message).toMatch(expected);
    expect(message).not.toContain(SECRET);
    expect(message).not.toContain('alice');
  });

  it('a truststore that is not PEM (no type given) names its variable and asks for PEM', () => {
    const message = configErrorOf(() =>
      loadAppConfig({ ...one, KAFKA_CLUSTERS_0_PROPERTIES_SECURITY_PROTOCOL: 'SASL_SSL', KAFKA_CLUSTERS_0_PROPERTIES_SSL_TRUSTSTORE_LOCATION: join(dir, 'truststore.jks') }),
    );
    expect(message).toMatch(/^KAFKA_CLUSTERS_0_PROPERTIES_SSL_TRUSTSTORE_LOCATION: .*truststore\.jks is not a PEM file .*give a PEM file/);
    expect(message).not.toContain(SECRET);
  });
});

describe('loadAppConfig: invalid files name file:line, and never the secret', () => {
  const sasl = ['      properties:', '        security.protocol: SASL_PLAINTEXT', `        sasl.jaas.config: '${JAAS}'`];
  it.each<[string, string[], number, string | RegExp]>([
    ['a name that is not URL-safe', ['kafka:', '  clusters:', '    - name: prod', '      bootstrapServers: k:1', ...sasl, '    - name: Staging Cluster', '      bootstrapServers: s:1'], 8, /^clusters\[1\]\.name: a cluster name must be 1-64 of/],
    ['a broker in a list that is not host:port', ['kafka:', '  clusters:', '    - name: prod', ...sasl, '      bootstrapServers:', '        - k1:9092', '        - k2'], 9, 'clusters[0].bootstrapServers[1]: "k2" is not host:port'],
    ['a name given twice', ['clusters:', '  - name: prod', '    bootstrapServers: k:1', '  - name: prod', '    bootstrapServers: j:1'], 4, /^clusters\[1\]\.name: "prod" is already the name of the cluster at .*:2: clusters\[0\]\.name$/],
    ['an unknown key (a misspelt bootstrapServers)', ['kafka:', '  clusters:', '    - name: prod', ...sasl, '      bootstrapServer: k:1'], 7, /^clusters\[0\]\.bootstrapServer: is not a key of a cluster; the keys are name, bootstrapServers, /],
    ['an unknown switch in a flow map', ['clusters:', '  - name: prod', '    bootstrapServers: k:1', '    switches: { topicDelete: true,', '      topicDelet: true }'], 5, /^clusters\[0\]\.switches\.topicDelet: is not a key of switches/],
    ['an unknown client property', ['clusters:', '  - name: prod', '    bootstrapServers: k:1', '    properties:', '      security.protocol: SASL_PLAINTEXT', `      sasl.jaas.conifg: '${JAAS}'`], 6, /^clusters\[0\]\.properties\.sasl\.jaas\.conifg: is not a key of Kafka client properties/],
    ['an unknown top-level key', ['clusters:', '  - name: prod', '    bootstrapServers: k:1', 'login:', '  type: LOGIN_FORM'], 4, /^login: is not a key of the configuration file/],
    ['a bad boolean', ['clusters:', '  - name: prod', '    bootstrapServers: k:1', '    readOnly: maybe'], 4, 'clusters[0].readOnly: must be one of true, false, 1, 0, yes, no'],
    ['a bad boolean switch', ['clusters:', '  - name: prod', '    bootstrapServers: k:1', '    switches:', '      recordsDelete: 7'], 5, 'clusters[0].switches.recordsDelete: must be true or false'],
    ['a JKS truststore', ['clusters:', '  - name: prod', '    bootstrapServers: k:1', '    properties:', '      security.protocol: SSL', '      ssl.truststore.location: /etc/kafka/truststore.jks', '      ssl.truststore.type: JKS'], 7, /^clusters\[0\]\.properties\.ssl\.truststore\.type: a JKS truststore cannot be read by Kafscope: give a PEM file/],
    ['a missing name', ['clusters:', '  - name: prod', '    bootstrapServers: k:1', '  - bootstrapServers: j:1', '    readOnly: true'], 4, 'clusters[1].name: is required'],
    ['a number where a string is needed', ['clusters:', '  - name: 42', '    bootstrapServers: k:1'], 2, 'clusters[0].name: must be a string (put it in quotes)'],
    ['no clusters', ['kafka:', '  clusters: []'], 2, 'clusters: must list at least one cluster'],
    ['both kafka: and clusters:', ['kafka:', '  clusters:', '    - name: a', '      bootstrapServers: k:1', 'clusters:', '  - name: b', '    bootstrapServers: k:1'], 5, /^clusters: give the clusters either under kafka: or at the top level, not both/],
    ['a YAML syntax error', ['clusters:', '  - name: prod', '    bootstrapServers: k:1', '    properties:', '      security.protocol: SASL_PLAINTEXT', `      sasl.jaas.config: "x required username="alice" password="${SECRET}";"`], 6, 'Unexpected scalar at node end'],
    ['a block scalar header that holds the secret', ['clusters:', '  - name: prod', '    bootstrapServers: k:1', '    schemaRegistryAuth:', '      username: u', `      password: |${SECRET}`], 6, /^Block scalar header includes extra characters$/],
    ['a duplicate key', ['clusters:', '  - name: prod', '    bootstrapServers: k:1', `    schemaRegistryAuth: { username: u, password: ${SECRET} }`, '    name: again'], 5, /unique/],
  ])('%s', (_title, lines, line, expected) => {
    const path = configFile('yaml', lines);
    const message = configErrorOf(() => loadAppConfig({ KAFSCOPE_CONFIG: path }));
    const prefix = `${path}:${line}: `;
    expect(message.startsWith(prefix), message).toBe(true);
    const rest = message.slice(prefix.length);
    if (typeof expected === 'string') expect(rest).toBe(expected);
    else expect(rest).toMatch(expected);
    expect(message).not.toContain(SECRET);
  });

  it('aliases that expand without bound are refused', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) lines.push(`${'b'.repeat(i + 1)}: &${'b'.repeat(i + 1)} [${Array(10).fill(i === 0 ? '*a' : `*${'b'.repeat(i)}`).join(', ')}]`);
    const path = configFile('yaml', lines);
    expect(configErrorOf(() => loadAppConfig({ KAFSCOPE_CONFIG: path }))).toBe(`${path}:1: its aliases expand to too much; write the values out`);
  });

  it('a JSON syntax error names its line', () => {
    const path = configFile('json', ['{', '  "clusters": [', `    { "name": "prod", "bootstrapServers": "k:1", "schemaRegistryAuth": { "username": "u", "password": "${SECRET}" } },`, '    { "name": "b" "bootstrapServers": "j:1" }', '  ]', '}']);
    const message = configErrorOf(() => loadAppConfig({ KAFSCOPE_CONFIG: path }));
    expect(message.startsWith(`${path}:4: `), message).toBe(true);
    expect(message).not.toContain(SECRET);
  });

  it('an unknown key in a JSON file names its line', () => {
    const path = configFile('json', ['{', '  "kafka": { "clusters": [', '    { "name": "prod",', '      "bootstrapServers": ["k:1"],', '      "readonly": true }', '  ] }', '}']);
    expect(configErrorOf(() => loadAppConfig({ KAFSCOPE_CONFIG: path }))).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5: clusters\\[0\\]\\.readonly: is not a key of a cluster`));
  });
});

describe('publicClusterInfo', () => {
  it('never carries a credential', () => {
    const config = loadAppConfig({ ...kafbatEnv(), KAFSCOPE_DEMO: 'true' });
    for (const c of config.clusters) {
      const text = JSON.stringify(publicClusterInfo(c, c.brokers));
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(SR_SECRET);
      expect(text).not.toContain('alice');
      expect(text).not.toContain('sr-user');
      expect(text).not.toContain('PRIVATE KEY');
      expect(text).not.toContain('password');
      expect(ClusterInfoSchema.safeParse(JSON.parse(text)).success).toBe(true);
    }
    const prod = config.clusters[0];
    if (!prod) throw new Error('no cluster');
    expect(publicClusterInfo(prod, prod.brokers)).toEqual({ name: 'prod', mode: 'external', bootstrap: 'k1:9092,k2:9092', switches: prod.switches, schemaRegistry: true });
    const demo = config.clusters[3];
    if (!demo) throw new Error('no demo');
    expect(publicClusterInfo(demo, ['127.0.0.1:9092'])).toMatchObject({ name: 'demo', mode: 'embedded', bootstrap: '127.0.0.1:9092', schemaRegistry: false });
  });
});
