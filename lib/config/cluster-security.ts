// A kafbat user describes security in Java client properties; kafkajs wants a SASL object and Node
// TLS material. This translates the few properties that matter, and is strict where the Java client
// is lenient: a SASL or SSL setting that the chosen security.protocol would ignore is an error,
// because a console silently connecting without the credentials its operator wrote is worse than one
// that refuses to start. Java keystores (JKS, PKCS12) cannot be read by Node, so only PEM files are
// accepted, and the message says how to get one. Secret values (the JAAS line) are never quoted.
import 'server-only';
import type { ClientProperty, Setting, Sourced } from './cluster-declaration';
import type { ClusterConfig } from './cluster-config';
import { MECHANISMS, type ReadFile } from './connection';
import { ConfigError } from './errors';
import { parseJaas } from './kafka-properties';

type Properties = Partial<Record<ClientProperty, Sourced<string>>>;
type Where = (setting: Setting) => string;

const PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'];
const SASL_PROPERTIES: ClientProperty[] = ['sasl.mechanism', 'sasl.jaas.config'];
const SSL_PROPERTIES: ClientProperty[] = ['ssl.truststore.location', 'ssl.truststore.type', 'ssl.ca.location', 'ssl.certificate.location', 'ssl.key.location'];
const TO_PEM = 'give a PEM file instead (keytool -exportcert -rfc, or openssl pkcs12 -nodes, converts a store)';

export function resolveSecurity(props: Properties, where: Where, readFile: ReadFile): Pick<ClusterConfig, 'sasl' | 'tls'> {
  const given = props['security.protocol'];
  const protocol = (given?.value.trim() || 'PLAINTEXT').toUpperCase();
  if (given && !PROTOCOLS.includes(protocol)) {
    throw new ConfigError(given.at, 'security.protocol must be PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL');
  }
  return {
    sasl: resolveSasl(props, protocol, where),
    tls: resolveTls(props, protocol, where, readFile),
  };
}

function resolveSasl(props: Properties, protocol: string, where: Where): ClusterConfig['sasl'] {
  if (!protocol.startsWith('SASL_')) {
    for (const p of SASL_PROPERTIES) {
      const g = props[p];
      if (g) throw new ConfigError(g.at, `${p} applies only with security.protocol SASL_PLAINTEXT or SASL_SSL`);
    }
    return null;
  }
  const mechanismGiven = props['sasl.mechanism'];
  const mechanism = MECHANISMS[(mechanismGiven?.value.trim() || 'PLAIN').toUpperCase()];
  if (!mechanism) {
    throw new ConfigError(mechanismGiven?.at ?? where('properties.sasl.mechanism'), 'sasl.mechanism must be PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512');
  }
  const jaas = props['sasl.jaas.config'];
  if (!jaas) {
    throw new ConfigError(where('properties.sasl.jaas.config'), `is required with security.protocol ${protocol}: it carries the username and password`);
  }
  const { username, password } = parseJaas(jaas.value);
  if (!username || password === undefined) {
    throw new ConfigError(jaas.at, 'sasl.jaas.config must give username="..." and password="..."');
  }
  return { mechanism, username, password };
}

function resolveTls(props: Properties, protocol: string, where: Where, readFile: ReadFile): ClusterConfig['tls'] {
  const type = props['ssl.truststore.type'];
  if (type) {
    const t = type.value.trim().toUpperCase();
    if (t === 'JKS' || t === 'PKCS12') throw new ConfigError(type.at, `a ${t} truststore cannot be read by Kafscope: ${TO_PEM}`);
    if (t !== 'PEM') throw new ConfigError(type.at, 'ssl.truststore.type must be PEM');
  }
  if (!protocol.endsWith('SSL')) {
    for (const p of SSL_PROPERTIES) {
      const g = props[p];
      if (g) throw new ConfigError(g.at, `${p} applies only with security.protocol SSL or SASL_SSL`);
    }
    return null;
  }
  const truststore = props['ssl.truststore.location'];
  const caLocation = props['ssl.ca.location'];
  if (truststore && caLocation) {
    throw new ConfigError(caLocation.at, 'give either ssl.truststore.location or ssl.ca.location, not both');
  }
  const caGiven = truststore ?? caLocation;
  const certGiven = props['ssl.certificate.location'];
  const keyGiven = props['ssl.key.location'];
  if (Boolean(certGiven) !== Boolean(keyGiven)) {
    const missing = certGiven ? 'properties.ssl.key.location' : 'properties.ssl.certificate.location';
    throw new ConfigError(where(missing), 'a client certificate needs both ssl.certificate.location and ssl.key.location');
  }
  const ca = caGiven && readPem(caGiven, readFile);
  const cert = certGiven && readPem(certGiven, readFile);
  const key = keyGiven && readPem(keyGiven, readFile);
  return { ...(ca && { ca }), ...(cert && { cert }), ...(key && { key }) };
}

function readPem(given: Sourced<string>, readFile: ReadFile): string {
  const path = given.value.trim();
  let text: string;
  try {
    text = readFile(path);
  } catch {
    throw new ConfigError(given.at, `cannot read the file ${path}`);
  }
  // A Java keystore is binary; a PEM file has at least one armoured block.
  if (!/-----BEGIN [A-Z0-9 ]+-----/.test(text)) {
    throw new ConfigError(given.at, `${path} is not a PEM file (JKS and PKCS12 stores cannot be read): ${TO_PEM}`);
  }
  return text;
}
