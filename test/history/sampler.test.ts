// The lag sampler against a real (embedded) broker: a group whose consumer stops while the producer
// goes on becomes STOP (no members) or STALL (a member that no longer commits) within a few rounds,
// and OK again once it catches up; an offset reset to an earlier offset shows REWIND; a commit above
// the log end shows ERROR with a negative lag; a full long lane makes the sampler skip its round.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consumer } from 'kafkajs';
import { INTERVAL_MS, commitOffsets, createTopic, logEnd, produce, rounds, startHistoryHarness, statusBecomes, type HistoryHarness } from './history-harness';
import { clientsFor } from '../../lib/kafka/connection/registry';
import { YIELDED } from '../../lib/kafka/history/sampler';

let h: HistoryHarness;

beforeAll(async () => {
  h = await startHistoryHarness();
});
afterAll(() => h?.close());

/** Keeps producing a few records every 100 ms until stopped. */
function keepProducing(topic: string): () => Promise<void> {
  let on = true;
  const loop = (async () => {
    while (on) {
      await produce(h, topic, 3).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return async () => {
    on = false;
    await loop;
  };
}

describe('lag sampler', () => {
  it('STOP when the commits stop while the producer goes on and the group has no members; OK once it catches up', async () => {
    await createTopic(h, 'orders');
    await produce(h, 'orders', 10);
    await commitOffsets(h, 'billing', 'orders', { 0: 10 });
    expect((await statusBecomes(h, 'billing', 'OK')).reason).toBe('orders-0: caught up (lag 0)');
    const stop = keepProducing('orders');
    try {
      const v = await statusBecomes(h, 'billing', 'STOP');
      expect(v.reason).toMatch(/^orders-0: no commits for over \d+(\.\d)?s: committed offset 10 unchanged while lag is \d+ and the group has no members$/);
      // Resuming: the group commits up to the log end again and again.
      let resumed = true;
      const resume = (async () => {
        while (resumed) {
          await commitOffsets(h, 'billing', 'orders', { 0: await logEnd(h, 'orders') });
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      await statusBecomes(h, 'billing', 'OK');
      resumed = false;
      await resume;
    } finally {
      await stop();
    }
  });

  it('a real consumer that stops: STOP with its reason within a few rounds; started again: OK', async () => {
    await createTopic(h, 'shipments');
    const stop = keepProducing('shipments');
    const start = async () => {
      const c: Consumer = h.kafka.consumer({ groupId: 'dispatch', sessionTimeout: 10_000, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
      await c.connect();
      await c.subscribe({ topic: 'shipments', fromBeginning: true });
      await c.run({ autoCommitInterval: 100, eachMessage: async () => undefined });
      return c;
    };
    try {
      let consumer = await start();
      // Consuming and committing: the sampler has seen a commit and judged it.
      while ([...h.history().store.latestCommits('dispatch')].length === 0) await new Promise((r) => setTimeout(r, 50));
      expect((await statusBecomes(h, 'dispatch', 'OK')).reason).not.toBe('no committed offsets');
      // The consumer leaves (LeaveGroup) while the producer goes on.
      const stoppedAt = Date.now();
      await consumer.disconnect();
      const v = await statusBecomes(h, 'dispatch', 'STOP');
      // A window of 4 samples at 200 ms: the verdict within a few intervals, not minutes.
      expect(Date.now() - stoppedAt).toBeLessThan(10 * INTERVAL_MS + 5_000);
      expect(v.reason).toMatch(/^shipments-0: no commits for over \d+(\.\d)?s: committed offset \d+ unchanged while lag is \d+ and the group has no members$/);
      consumer = await start();
      try {
        expect((await statusBecomes(h, 'dispatch', 'OK')).reason).toMatch(/^shipments-0: /);
      } finally {
        await consumer.disconnect();
      }
    } finally {
      await stop();
    }
  });

  it('STALL when a member stays but commits no more', async () => {
    await createTopic(h, 'payments');
    await produce(h, 'payments', 5);
    const consumer: Consumer = h.kafka.consumer({ groupId: 'ledger', sessionTimeout: 10_000, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: 'payments', fromBeginning: true });
    let seen = 0;
    await consumer.run({ autoCommitInterval: 100, eachMessage: async () => void seen++ });
    try {
      while (seen < 5) await new Promise((r) => setTimeout(r, 50));
      await statusBecomes(h, 'ledger', 'OK');
      consumer.pause([{ topic: 'payments' }]);
      const stop = keepProducing('payments');
      try {
        const v = await statusBecomes(h, 'ledger', 'STALL');
        expect(v.reason).toMatch(/^payments-0: committed offset \d+ unchanged for \d+(\.\d)?s while lag is \d+ \(1 member present\)$/);
      } finally {
        await stop();
      }
      consumer.resume([{ topic: 'payments' }]);
      await statusBecomes(h, 'ledger', 'OK');
    } finally {
      await consumer.disconnect();
    }
  });

  it('REWIND when the offsets are reset to an earlier offset', async () => {
    await createTopic(h, 'audit');
    await produce(h, 'audit', 60);
    await commitOffsets(h, 'auditor', 'audit', { 0: 50 });
    await statusBecomes(h, 'auditor', 'OK');
    await rounds(h, 1);
    await commitOffsets(h, 'auditor', 'audit', { 0: 20 });
    expect(await statusBecomes(h, 'auditor', 'REWIND')).toEqual({ status: 'REWIND', reason: 'audit-0: committed offset moved back from 50 to 20' });
  });

  it('ERROR with a negative lag when the commit is above the log end', async () => {
    await createTopic(h, 'ledger-events');
    await produce(h, 'ledger-events', 100);
    await commitOffsets(h, 'ahead', 'ledger-events', { 0: 120 });
    expect(await statusBecomes(h, 'ahead', 'ERROR')).toEqual({ status: 'ERROR', reason: 'ledger-events-0: committed offset 120 is above the log end 100 (lag -20)' });
    const [c] = [...h.history().store.latestCommits('ahead')];
    expect(c!.logEnd! - c!.committed).toBe(-20n);
  });

  it('skips its round, saying so, while the long lane is full', async () => {
    const clients = clientsFor('h');
    const held = [await clients.lanes.long.reserve(), await clients.lanes.long.reserve()];
    try {
      const before = h.history().sampler.counters.skipped;
      const r = await h.history().sampler.roundNow();
      expect(r.outcome).toBe('skipped');
      expect(r.error).toMatch(/already running/);
      expect(h.history().sampler.counters.skipped).toBeGreaterThan(before);
    } finally {
      for (const l of held) l.release();
    }
    await rounds(h, 1);
  });

  it('gives its place to a search that would otherwise be refused, and skips that round', async () => {
    const clients = clientsFor('h');
    const first = await clients.lanes.long.reserve();
    try {
      const round = h.history().sampler.roundNow();
      // The round holds the lane's other place now; a second search still gets in, at once.
      expect(clients.lanes.long.use().running).toBe(2);
      const second = await clients.lanes.long.reserve();
      second.release();
      const r = await round;
      expect(r.outcome).toBe('skipped');
      expect(r.error).toBe(YIELDED);
      expect(clients.lanes.long.use().running).toBe(1);
    } finally {
      first.release();
    }
    await rounds(h, 1);
  });
});
