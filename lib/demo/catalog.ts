// The demo cluster's contents in one place: topic layouts, group names and the story they tell
// (a streams intro, a trading pipeline, one topic for each kind of data a console must show well,
// and topics in the formats the schema registry decodes). The seeders, the traffic generator and the
// tests all read this.

export const DEMO_NODES = 3;

export interface DemoTopic {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly configs?: Record<string, string>;
}

export const TOPICS = {
  streamsIntro: { name: 'streams-intro', partitions: 3, replicationFactor: 1 },
  prices: { name: 'prices', partitions: 6, replicationFactor: 3 },
  orders: { name: 'orders', partitions: 3, replicationFactor: 2 },
  appLogs: { name: 'app-logs', partitions: 2, replicationFactor: 2 },
  sensorFrames: { name: 'sensor-frames', partitions: 2, replicationFactor: 1 },
  auditEvents: { name: 'audit-events', partitions: 1, replicationFactor: 3 },
  userProfiles: {
    name: 'user-profiles',
    partitions: 1,
    replicationFactor: 1,
    configs: { 'cleanup.policy': 'compact', 'segment.bytes': '4096', 'delete.retention.ms': '60000' },
  },
  clickstream: {
    name: 'clickstream',
    partitions: 1,
    replicationFactor: 1,
    configs: { 'segment.bytes': '16384', 'retention.bytes': '32768' },
  },
  payments: { name: 'payments', partitions: 3, replicationFactor: 2 },
  shipments: { name: 'shipments', partitions: 2, replicationFactor: 1 },
  telemetryMsgpack: { name: 'telemetry-msgpack', partitions: 1, replicationFactor: 1 },
} as const satisfies Record<string, DemoTopic>;

/** Registry subjects of the format topics (Confluent's TopicNameStrategy: `<topic>-value`). */
export const SUBJECTS = {
  payments: 'payments-value',
  shipments: 'shipments-value',
} as const;

export const GROUPS = {
  fastStrategy: 'trading-strategy.abc',
  slowStrategy: 'trading-strategy.xyz',
  execution: 'order-execution',
} as const;

/** The article's five keyed messages, in the order they are produced. */
export const STREAMS_INTRO_MESSAGES: readonly (readonly [string, string])[] = [
  ['foo', 'first message'],
  ['foo', 'second message'],
  ['bar', 'first message'],
  ['foo', 'third message'],
  ['bar', 'second message'],
];

/** Two tickers per partition of `prices` under the default (murmur2) partitioner, so every
 * partition moves. */
export const TICKERS = ['MSFT', 'META', 'SPOT', 'NET', 'ADBE', 'UBER', 'AAPL', 'GOOG', 'NFLX', 'AMD', 'AMZN', 'NVDA'] as const;
