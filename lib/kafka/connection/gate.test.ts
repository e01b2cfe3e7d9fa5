// A lane's budget: at most `limit` inside, then queue (with a time limit) or refuse at once, and the
// counts the health endpoint shows.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { Gate } from './gate';

const options = { label: 'test jobs', cluster: 'c1', queueTimeoutMs: 10_000 } as const;

describe('gate', () => {
  it('refuses at once when full, naming how many run, and lets the next one in after a leave', async () => {
    const gate = new Gate({ ...options, limit: 2, whenFull: 'reject' });
    const a = await gate.enter();
    await gate.enter();
    const refused = await gate.enter().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).kind).toBe('busy');
    expect((refused as DomainError).message).toContain('2 of 2 test jobs are already running on cluster "c1"');
    expect(gate.use()).toEqual({ running: 2, waiting: 0, limit: 2, rejected: 1 });
    a();
    a(); // leaving twice gives back one place only
    expect(gate.use().running).toBe(1);
    await gate.enter();
    expect(gate.use().running).toBe(2);
  });
  it('queues in order when asked to, and times a waiter out', async () => {
    const gate = new Gate({ ...options, limit: 1, whenFull: 'queue' });
    const first = await gate.enter();
    const order: string[] = [];
    const second = gate.enter().then((leave) => {
      order.push('second');
      return leave;
    });
    const third = gate.enter().then((leave) => {
      order.push('third');
      leave();
    });
    expect(gate.use()).toMatchObject({ running: 1, waiting: 2 });
    first();
    (await second)();
    await third;
    expect(order).toEqual(['second', 'third']);
    const quick = new Gate({ ...options, limit: 1, whenFull: 'queue', queueTimeoutMs: 20 });
    await quick.enter();
    const late = await quick.enter().catch((e: unknown) => e);
    expect((late as DomainError).kind).toBe('timed-out');
    expect(quick.use()).toMatchObject({ waiting: 0, rejected: 1 });
  });
  it('closing fails the waiters', async () => {
    const gate = new Gate({ ...options, limit: 1, whenFull: 'queue' });
    await gate.enter();
    const waiting = gate.enter().catch((e: unknown) => e);
    gate.close();
    expect(((await waiting) as DomainError).kind).toBe('unavailable');
  });
  it('background work yields its place to a person who would be refused, and is never queued', async () => {
    const gate = new Gate({ ...options, limit: 2, whenFull: 'reject' });
    const person = await gate.enter();
    let told = 0;
    const background = await gate.enter({ yielding: { onYield: () => void told++ } });
    expect(gate.use().running).toBe(2);
    // Full: a second person takes the background place at once.
    const second = await gate.enter();
    expect(told).toBe(1);
    expect(gate.yieldedCount).toBe(1);
    expect(gate.use()).toMatchObject({ running: 2, rejected: 0 });
    background(); // its late leave gives back nothing: the place is the second person's now
    expect(gate.use().running).toBe(2);
    // Full of people: a third is refused, and background work too (never queued, never preempting).
    expect(((await gate.enter().catch((e: unknown) => e)) as DomainError).kind).toBe('busy');
    expect(((await gate.enter({ yielding: { onYield: () => undefined } }).catch((e: unknown) => e)) as DomainError).kind).toBe('busy');
    person();
    second();
    expect(gate.use().running).toBe(0);
    // A background holder that leaves on its own gives its place back as anyone does.
    const again = await gate.enter({ yielding: { onYield: () => void told++ } });
    again();
    expect(gate.use().running).toBe(0);
    const queueGate = new Gate({ ...options, limit: 1, whenFull: 'queue' });
    await queueGate.enter();
    expect(((await queueGate.enter({ yielding: { onYield: () => undefined } }).catch((e: unknown) => e)) as DomainError).kind).toBe('busy');
    expect(told).toBe(1);
  });
});
