// Plumbing shared by the consumer-group and admin interop tests: waiting for a condition without
// fixed sleeps, and producing numbered messages (the kafkajs client comes from ../broker/helpers).
import type { Producer } from 'kafkajs';
import type { TestBroker } from '../broker/helpers';

export { kafkaFor } from '../broker/helpers';

/** Polls `check` every 50 ms until it returns true; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Sends `count` messages "m0".."m{count-1}" keyed "k{i}", spread over the topic's partitions. */
export async function produceNumbered(producer: Producer, topic: string, count: number, partitions: number): Promise<void> {
  await producer.send({
    topic,
    messages: Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: `m${i}`, partition: i % partitions })),
  });
}

/** Settings that make groups answer quickly in tests. */
export const FAST_GROUPS = { initialRebalanceDelayMs: 50, offsetsTopicPartitions: 5 };

export type { TestBroker };
