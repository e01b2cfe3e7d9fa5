// The lag history's settings from the environment, read once at start-up like the rest of the
// configuration (a bad value stops start-up naming the variable): whether it runs, how often it
// samples, how long it keeps, the verdicts' window, and which groups and topics /metrics shows.
// Patterns are JavaScript regular expressions matched against the whole name (as Prometheus's
// relabelling does): `orders\..*` includes orders.eu and orders.us, not my-orders.x.
import 'server-only';
import { ConfigError } from '../../config';
import { DAY_MS } from './store-format';
import type { HistoryConfig, MetricsFilter } from './history';
import { DEFAULT_WINDOW } from './verdicts';

type Env = Record<string, string | undefined>;

export const HISTORY_VARIABLES = {
  KAFSCOPE_LAG_HISTORY: 'Sample every group\'s lag into the lag history (default true).',
  KAFSCOPE_LAG_SAMPLE_INTERVAL_MS: 'Time between lag samples (default 30000, at least 1000).',
  KAFSCOPE_LAG_RETENTION_DAYS: 'Days of lag history kept (default 7, 1 to 366).',
  KAFSCOPE_LAG_WINDOW_SAMPLES: 'Samples in the verdicts\' sliding window (default 10, 2 to 1000).',
  KAFSCOPE_METRICS_GROUPS_INCLUDE: 'Only groups matching this pattern in /metrics.',
  KAFSCOPE_METRICS_GROUPS_EXCLUDE: 'No group matching this pattern in /metrics.',
  KAFSCOPE_METRICS_TOPICS_INCLUDE: 'Only topics matching this pattern in /metrics.',
  KAFSCOPE_METRICS_TOPICS_EXCLUDE: 'No topic matching this pattern in /metrics.',
} as const;

function whole(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new ConfigError(name, `must be a whole number between ${min} and ${max}`);
  return Number(raw);
}

function pattern(env: Env, name: string): RegExp | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  try {
    return new RegExp(`^(?:${raw})$`);
  } catch {
    throw new ConfigError(name, 'must be a valid regular expression');
  }
}

function enabled(env: Env): boolean {
  const raw = env.KAFSCOPE_LAG_HISTORY?.trim().toLowerCase();
  if (raw === undefined || raw === '') return true;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError('KAFSCOPE_LAG_HISTORY', 'must be true or false');
}

/** The history's configuration, or null when KAFSCOPE_LAG_HISTORY=false. `dataDir` is the console's
 * data directory (KAFSCOPE_DATA_DIR, resolved). */
export function historyConfigFromEnv(env: Env, dataDir: string): HistoryConfig | null {
  const metrics: MetricsFilter = {
    groupsInclude: pattern(env, 'KAFSCOPE_METRICS_GROUPS_INCLUDE'),
    groupsExclude: pattern(env, 'KAFSCOPE_METRICS_GROUPS_EXCLUDE'),
    topicsInclude: pattern(env, 'KAFSCOPE_METRICS_TOPICS_INCLUDE'),
    topicsExclude: pattern(env, 'KAFSCOPE_METRICS_TOPICS_EXCLUDE'),
  };
  const config: HistoryConfig = {
    dataDir,
    intervalMs: whole(env, 'KAFSCOPE_LAG_SAMPLE_INTERVAL_MS', 30_000, 1_000, 3_600_000),
    retentionMs: whole(env, 'KAFSCOPE_LAG_RETENTION_DAYS', 7, 1, 366) * DAY_MS,
    window: { samples: whole(env, 'KAFSCOPE_LAG_WINDOW_SAMPLES', DEFAULT_WINDOW.samples, 2, 1_000), ms: DEFAULT_WINDOW.ms },
    metrics,
  };
  // The window spans its samples at the sampling interval (10 x 30 s = 5 minutes by default).
  config.window = { samples: config.window!.samples, ms: Math.max(DEFAULT_WINDOW.ms, config.window!.samples * config.intervalMs!) };
  return enabled(env) ? config : null;
}
