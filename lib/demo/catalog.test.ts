// The demo promises every partition of `prices` moves: check the tickers cover them all under the
// partitioner the demo producer uses (kafkajs's default, murmur2 like the Java client).
import { Partitioners } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { TICKERS, TOPICS } from './catalog';

describe('demo catalog', () => {
  it('spreads the price tickers over every partition of prices', () => {
    const partitioner = Partitioners.DefaultPartitioner();
    const n = TOPICS.prices.partitions;
    const partitionMetadata = Array.from({ length: n }, (_, i) => ({ partitionId: i, leader: 0, partitionErrorCode: 0, replicas: [0], isr: [0] }));
    const used = new Set(
      TICKERS.map((key) => partitioner({ topic: 'prices', partitionMetadata, message: { key, value: null } })),
    );
    expect([...used].sort()).toEqual(Array.from({ length: n }, (_, i) => i));
  });

});
