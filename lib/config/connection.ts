// Kafdrop's single cluster: where it is and how to authenticate to it. KAFKA_BROKERCONNECT names it
// (Kafdrop's variable); security comes from KAFKA_SASL_* / KAFKA_TLS_* or from Kafdrop's
// KAFKA_PROPERTIES, and the explicit variables win. A Kafdrop deployment moves over unchanged.
import 'server-only';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError, readBool, type Env } from './errors';
import { decodeKafkaProperties, parseJaas } from './kafka-properties';

export type SaslMechanism = 'plain' | 'scram-sha-256' | 'scram-sha-512';

export interface Connection {
  mode: 'embedded' | 'external';
  /** host:port list; empty while the embedded broker has not announced itself. */
  brokers: string[];
  sasl: { mechanism: SaslMechanism; username: string; password: string } | null;
  /** null = plaintext; {} = TLS with the system CAs; else PEM material. */
  tls: { ca?: string; cert?: string; key?: string } | null;
  /** A digest of everything above: equal connections share clients, and no secret is kept in it. */
  key: string;
}

/** Kafka's mechanism names, as written in properties and variables, to kafkajs's. */
export const MECHANISMS: Record<string, SaslMechanism> = {
  PLAIN: 'plain',
  'SCRAM-SHA-256': 'scram-sha-256',
  'SCRAM-SHA-512': 'scram-sha-512',
};

export function parseBrokerList(variable: string, raw: string): string[] {
  const brokers = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => s.replace(/^[a-z]+:\/\//i, '')); // tolerate PLAINTEXT://host:port
  if (brokers.length === 0) throw new ConfigError(variable, 'must list at least one host:port');
  for (const b of brokers) {
    const m = /^(\[[0-9a-fA-F:]+\]|[^:\s]+):(\d{1,5})$/.exec(b);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 65_535) {
      throw new ConfigError(variable, `"${b}" is not host:port`);
    }
  }
  return brokers;
}

/** Reads a text file; injectable so configuration can be checked without touching the disk. */
export type ReadFile = (path: string) => string;
export const readUtf8: ReadFile = (path) => readFileSync(path, 'utf8');

function readPem(env: Env, variable: string, readFile: ReadFile): string | undefined {
  const path = env[variable]?.trim();
  if (!path) return undefined;
  try {
    return readFile(path);
  } catch {
    throw new ConfigError(variable, `cannot read the file ${path}`);
  }
}

export function readConnection(env: Env, readFile: ReadFile = readUtf8): Connection {
  const external = env.KAFKA_BROKERCONNECT?.trim();
  const mode = external ? 'external' : 'embedded';
  const brokers = external ? parseBrokerList('KAFKA_BROKERCONNECT', external) : [];

  let props = new Map<string, string>();
  if (env.KAFKA_PROPERTIES?.trim()) {
    try {
      props = decodeKafkaProperties(env.KAFKA_PROPERTIES);
    } catch {
      throw new ConfigError('KAFKA_PROPERTIES', 'must be the base64 of a Java properties file');
    }
  }
  const protocol = (props.get('security.protocol') ?? 'PLAINTEXT').toUpperCase();
  if (!['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'].includes(protocol)) {
    throw new ConfigError('KAFKA_PROPERTIES', 'security.protocol must be PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL');
  }

  const jaas = parseJaas(props.get('sasl.jaas.config') ?? '');
  const mechanismRaw = env.KAFKA_SASL_MECHANISM?.trim() || (protocol.startsWith('SASL') ? (props.get('sasl.mechanism') ?? 'PLAIN') : '');
  let sasl: Connection['sasl'] = null;
  if (mechanismRaw) {
    const mechanism = MECHANISMS[mechanismRaw.toUpperCase()];
    const variable = env.KAFKA_SASL_MECHANISM?.trim() ? 'KAFKA_SASL_MECHANISM' : 'KAFKA_PROPERTIES';
    if (!mechanism) throw new ConfigError(variable, 'SASL mechanism must be PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512');
    const username = env.KAFKA_SASL_USERNAME ?? jaas.username;
    const password = env.KAFKA_SASL_PASSWORD ?? jaas.password;
    if (!username) throw new ConfigError('KAFKA_SASL_USERNAME', 'is required with a SASL mechanism');
    if (password === undefined) throw new ConfigError('KAFKA_SASL_PASSWORD', 'is required with a SASL mechanism');
    sasl = { mechanism, username, password };
  }

  const tlsOn = readBool(env, 'KAFKA_TLS_ENABLED', protocol === 'SSL' || protocol === 'SASL_SSL');
  const ca = readPem(env, 'KAFKA_TLS_CA_FILE', readFile);
  const cert = readPem(env, 'KAFKA_TLS_CERT_FILE', readFile);
  const key = readPem(env, 'KAFKA_TLS_KEY_FILE', readFile);
  if (Boolean(cert) !== Boolean(key)) {
    throw new ConfigError(cert ? 'KAFKA_TLS_KEY_FILE' : 'KAFKA_TLS_CERT_FILE', 'a client certificate needs both the certificate and the key');
  }
  const tls = tlsOn || ca || cert ? { ...(ca && { ca }), ...(cert && { cert }), ...(key && { key }) } : null;

  const digest = createHash('sha256').update(JSON.stringify({ brokers, sasl, tls })).digest('hex').slice(0, 16);
  return { mode, brokers, sasl, tls, key: digest };
}
