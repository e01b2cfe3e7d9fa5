// The console's request counters (bounded by route pattern) and the lag history's environment
// variables (a bad value names the variable).
import { describe, expect, it } from 'vitest';
import { countRequest, requestCounts, resetRequestCounts, routePattern } from '../../lib/kafka/history/console-metrics';
import { historyConfigFromEnv } from '../../lib/kafka/history/history-env';

describe('request counters', () => {
  it('count by route pattern, never by name', () => {
    expect(routePattern('/api/clusters/prod/groups/billing/lag-history')).toBe('/api/clusters/[cluster]/groups/[group]/lag-history');
    expect(routePattern('/api/clusters/prod/topics/topics/messages')).toBe('/api/clusters/[cluster]/topics/[topic]/messages');
    expect(routePattern('/api/clusters')).toBe('/api/clusters');
    expect(routePattern('/api/health')).toBe('/api/health');
  });

  it('stay bounded: past 1,000 series new routes are counted as "other"', () => {
    resetRequestCounts();
    for (let i = 0; i < 1_005; i++) countRequest(`/r${i}`, 200);
    countRequest('/r0', 200);
    const counts = requestCounts();
    expect(counts).toHaveLength(1_000 + 1);
    expect(counts.find((c) => c.route === '/r0')!.count).toBe(2);
    expect(counts.find((c) => c.route === 'other')).toEqual({ route: 'other', status: 200, count: 5 });
    resetRequestCounts();
  });
});

describe('lag history variables', () => {
  it('have defaults, and patterns match whole names', () => {
    const c = historyConfigFromEnv({ KAFSCOPE_METRICS_GROUPS_INCLUDE: 'orders\\..*' }, '/data')!;
    expect(c).toMatchObject({ dataDir: '/data', intervalMs: 30_000, retentionMs: 7 * 86_400_000, window: { samples: 10, ms: 300_000 } });
    expect(c.metrics!.groupsInclude!.test('orders.eu')).toBe(true);
    expect(c.metrics!.groupsInclude!.test('my-orders.eu')).toBe(false);
    expect(historyConfigFromEnv({ KAFSCOPE_LAG_HISTORY: 'false' }, '/data')).toBeNull();
    expect(historyConfigFromEnv({ KAFSCOPE_LAG_SAMPLE_INTERVAL_MS: '60000', KAFSCOPE_LAG_WINDOW_SAMPLES: '10' }, '/d')!.window).toEqual({ samples: 10, ms: 600_000 });
  });

  it('refuse a bad value, naming the variable', () => {
    expect(() => historyConfigFromEnv({ KAFSCOPE_LAG_SAMPLE_INTERVAL_MS: '10' }, '/d')).toThrow(/KAFSCOPE_LAG_SAMPLE_INTERVAL_MS/);
    expect(() => historyConfigFromEnv({ KAFSCOPE_METRICS_TOPICS_EXCLUDE: '(' }, '/d')).toThrow(/KAFSCOPE_METRICS_TOPICS_EXCLUDE/);
    expect(() => historyConfigFromEnv({ KAFSCOPE_LAG_HISTORY: 'maybe' }, '/d')).toThrow(/KAFSCOPE_LAG_HISTORY/);
  });
});
