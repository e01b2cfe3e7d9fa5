// The console serves a list of clusters, and its operators come from different tools: Kafdrop's one
// cluster in variables, kafbat's numbered variables, or a file. This decides which of those is in use
// (one at most: two would leave it unclear which cluster a URL means), adds the embedded demo when it
// is wanted, and checks everything once at start-up, so a mistake stops the server with the variable
// or file line to fix instead of surfacing on the first request to one cluster.
import 'server-only';
import { DEMO_CLUSTER_NAME, connectionKey, type ClusterConfig } from './cluster-config';
import { resolveCluster } from './cluster-from-declaration';
import { kafdropCluster, rejectStrayKafdropVariables } from './cluster-from-kafdrop';
import { ClusterNames } from './cluster-names';
import { globalSwitchDefaults } from './cluster-switches';
import { clusterDeclarationsFromEnv, firstClusterVariable } from './clusters-from-env';
import { clusterDeclarationsFromFile } from './clusters-from-file';
import { readUtf8, type ReadFile } from './connection';
import { readAudit, type AuditConfig } from './audit';
import { readAuth, type AuthConfig } from './auth';
import { authFromFile } from './auth-from-file';
import { readEdge, type EdgeConfig } from './edge';
import { AUTO_FORMATS, globalFormatDefaults } from './message-formats';
import { ConfigError, readBool, readMs, type Env } from './errors';
import { readProtobufDescriptors, type ProtobufDescriptorConfig } from './protobuf-descriptors';
import { readSwitches } from './switches';
import { readTopicFormats, rulesOfCluster } from './topic-formats';
import { readStreams, type StreamsConfig } from './streams';

export interface ConsoleConfig {
  /** In configuration order, then the embedded demo when it runs. */
  clusters: ClusterConfig[];
  /** The first configured cluster; the demo only when it is the only one. */
  defaultCluster: string;
  /** The embedded demo broker must be started. */
  demo: boolean;
  timeouts: { connectMs: number; requestMs: number };
  /** Concurrent requests per cluster, by lane. */
  lanes: { interactive: number; long: number };
  source: 'demo' | 'kafdrop-env' | 'kafbat-env' | 'file';
  /** The HTTP edge: accepted host names and origins, proxy trust, the request body limit. */
  edge: EdgeConfig;
  /** Bounds of tails, filters, exports and replays. */
  streams: StreamsConfig;
  /** Kafdrop's PROTOBUFDESC_DIRECTORY and PROTOBUFDESC_PARSEANYPROTO, for every cluster. */
  protobufDescriptors: ProtobufDescriptorConfig;
  /** Login, roles, masking and sessions (auth.ts). */
  auth: AuthConfig;
  audit: AuditConfig;
}

export interface LoadOptions {
  /** Reads the configuration file and PEM files (tests pass their own). */
  readFile?: ReadFile;
}

type ExternalSource = Exclude<ConsoleConfig['source'], 'demo'>;

export function loadAppConfig(env: Env, options: LoadOptions = {}): ConsoleConfig {
  const readFile = options.readFile ?? readUtf8;
  const source = pickSource(env);
  if (source !== 'kafdrop-env') rejectStrayKafdropVariables(env);

  const demoAsked = readBool(env, 'KAFSCOPE_DEMO', source === null);
  if (source === null && !demoAsked) {
    throw new ConfigError('KAFSCOPE_DEMO', 'is false, but no cluster is configured (KAFKA_BROKERCONNECT, KAFKA_CLUSTERS_<n>_* or KAFSCOPE_CONFIG)');
  }
  const reserved = new Map<string, string>(demoAsked ? [[DEMO_CLUSTER_NAME, 'is the name of the embedded demo cluster, which KAFSCOPE_DEMO runs']] : []);
  const names = new ClusterNames(reserved);
  const defaults = globalSwitchDefaults(env);
  const formats = globalFormatDefaults(env);
  const ctx = { names, defaults, readFile, formats };

  let configured: ClusterConfig[] = [];
  let authFile: ReturnType<typeof authFromFile> = null;
  let file: { path: string; text: string } | null = null;
  if (source === 'kafdrop-env') configured = [kafdropCluster(env, names, defaults, readFile, formats)];
  if (source === 'kafbat-env') configured = clusterDeclarationsFromEnv(env).map((d) => resolveCluster(d, ctx));
  if (source === 'file') {
    file = readConfigFile(env, readFile);
    configured = clusterDeclarationsFromFile(file.path, file.text).map((d) => resolveCluster(d, ctx));
    authFile = authFromFile(file.path, file.text);
  }

  const rules = readTopicFormats(env, file);
  const clusters = (demoAsked ? [...configured, demoCluster(env)] : configured).map((c) => ({ ...c, topicFormats: rulesOfCluster(rules, c.name) }));
  return {
    clusters,
    defaultCluster: clusters[0]?.name ?? DEMO_CLUSTER_NAME,
    demo: demoAsked,
    timeouts: {
      connectMs: readMs(env, 'KAFKA_CONNECT_TIMEOUT_MS', 3_000),
      requestMs: readMs(env, 'KAFKA_REQUEST_TIMEOUT_MS', 10_000),
    },
    lanes: {
      // KAFSCOPE_READER_POOL_SIZE is the name this setting had before lanes.
      interactive: env.KAFSCOPE_INTERACTIVE_LANE?.trim() ? readCount(env, 'KAFSCOPE_INTERACTIVE_LANE', 4) : readCount(env, 'KAFSCOPE_READER_POOL_SIZE', 4),
      long: readCount(env, 'KAFSCOPE_LONG_LANE', 2),
    },
    source: source ?? 'demo',
    edge: readEdge(env),
    streams: readStreams(env),
    protobufDescriptors: readProtobufDescriptors(env),
    auth: readAuth(env, authFile),
    audit: readAudit(env),
  };
}

/** Which external source is in use; two at once is an error naming both. */
function pickSource(env: Env): ExternalSource | null {
  const candidates: [string | undefined, ExternalSource][] = [
    [env.KAFKA_BROKERCONNECT?.trim() ? 'KAFKA_BROKERCONNECT' : undefined, 'kafdrop-env'],
    [firstClusterVariable(env), 'kafbat-env'],
    [env.KAFSCOPE_CONFIG?.trim() ? 'KAFSCOPE_CONFIG' : undefined, 'file'],
  ];
  const used = candidates.filter((c): c is [string, ExternalSource] => c[0] !== undefined);
  const [first, second] = used;
  if (first && second) {
    throw new ConfigError(second[0], `cannot be used together with ${first[0]}: configure clusters in one way only (KAFKA_BROKERCONNECT, KAFKA_CLUSTERS_<n>_* or KAFSCOPE_CONFIG)`);
  }
  return first?.[1] ?? null;
}

function readConfigFile(env: Env, readFile: ReadFile): { path: string; text: string } {
  const path = (env.KAFSCOPE_CONFIG ?? '').trim();
  if (!/\.(ya?ml|json)$/i.test(path)) throw new ConfigError('KAFSCOPE_CONFIG', 'must name a .yaml, .yml or .json file');
  try {
    return { path, text: readFile(path) };
  } catch {
    throw new ConfigError('KAFSCOPE_CONFIG', `cannot read the file ${path}`);
  }
}

/** The sandbox: every switch on unless a global variable says otherwise. */
function demoCluster(env: Env): ClusterConfig {
  return {
    name: DEMO_CLUSTER_NAME,
    mode: 'embedded',
    brokers: [],
    sasl: null,
    tls: null,
    switches: readSwitches(env, true),
    // The demo's own registry is attached as a value once it runs (kafka/connection/registry.ts).
    schemaRegistry: null,
    formats: AUTO_FORMATS,
    key: connectionKey([], null, null),
  };
}

/** A whole number between 1 and max; unset or empty = the default. */
function readCount(env: Env, name: string, fallback: number, max = 64): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) throw new ConfigError(name, `must be a whole number between 1 and ${max}`);
  return Number(raw);
}
