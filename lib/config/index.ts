// The application's configuration, read from the environment in one place. loadConfig() throws a
// ConfigError naming the variable, so start-up can fail fast; getConfig() is what request code calls
// (re-read when the environment changes, e.g. when the embedded broker announces its address).
import type { Settings } from '../schemas/settings';
import { readConnection, type Connection } from './connection';
import { readMs, type Env } from './errors';
import { readSwitches } from './switches';

export { ConfigError } from './errors';
export type { Connection } from './connection';
export { SWITCH_VARIABLES, type Mutation } from './switches';

export interface AppConfig {
  connection: Connection;
  switches: Settings['switches'];
  timeouts: { connectMs: number; requestMs: number };
  /** Concurrent group-less readers per cluster. */
  readerPoolSize: number;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const connection = readConnection(env);
  return {
    connection,
    switches: readSwitches(env, connection.mode === 'embedded'),
    timeouts: {
      connectMs: readMs(env, 'KAFKA_CONNECT_TIMEOUT_MS', 3_000),
      requestMs: readMs(env, 'KAFKA_REQUEST_TIMEOUT_MS', 10_000),
    },
    readerPoolSize: readMs(env, 'KAFSCOPE_READER_POOL_SIZE', 4, 64),
  };
}

const RELEVANT = /^(KAFKA_|KAFSCOPE_|READ_ONLY$|[A-Z_]+_ENABLED$)/;
let cached: { fingerprint: string; config: AppConfig } | null = null;

/** The current configuration, re-parsed only when a relevant variable changed. */
export function getConfig(env: Env = process.env): AppConfig {
  const fingerprint = Object.keys(env)
    .filter((k) => RELEVANT.test(k))
    .sort()
    .map((k) => `${k}=${env[k]}`)
    .join('\n');
  if (cached?.fingerprint !== fingerprint) cached = { fingerprint, config: loadConfig(env) };
  return cached.config;
}

/** What the UI may know: the mode, the bootstrap list (never credentials) and the switches. */
export function publicSettings(config: AppConfig): Settings {
  return {
    mode: config.connection.mode,
    bootstrap: config.connection.brokers.join(','),
    switches: config.switches,
  };
}
