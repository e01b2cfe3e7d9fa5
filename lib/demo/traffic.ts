// Keeps the demo alive: a producer ticking prices and logs, and the demo groups consuming at
// different speeds. trading-strategy.xyz alternates between slow and fast phases, so its lag
// visibly rises and falls; trading-strategy.abc keeps up and turns some ticks into orders, which
// order-execution consumes. With the demo's schema registry running, payments (Avro, schema v2),
// shipments (Protobuf) and MessagePack telemetry keep arriving too.
import 'server-only';
import type { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { GROUPS, TOPICS } from './catalog';
import { payment, shipment, telemetry } from './format-generators';
import type { DemoSchemaIds } from './format-schemas';
import { auditEvent, click, logLine, nextTick, orderFor, sensorFrame, userProfile } from './generators';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Traffic {
  /** Stops producing at once (synchronous, for the exit path). */
  halt(): void;
  stop(): Promise<void>;
}

export interface TrafficOptions {
  /** Multiplies every interval; tests use a small value for quick movement. */
  pace?: number;
  log: (line: string) => void;
  /** The registry client and schema ids for the format topics; absent: those topics stay still. */
  formats?: { registry: SchemaRegistry; ids: DemoSchemaIds } | undefined;
}

/** Slow phase: slower than the price stream, so lag grows. Fast phase: catches up. */
function slowConsumerDelay(now = Date.now()): number {
  return Math.floor(now / 30_000) % 2 === 0 ? 400 : 5;
}

export async function startTraffic(kafka: Kafka, producer: Producer, opts: TrafficOptions): Promise<Traffic> {
  const pace = opts.pace ?? 1;
  const timers: NodeJS.Timeout[] = [];
  const consumers: Consumer[] = [];
  let stopped = false;

  const every = (ms: number, fn: () => Promise<unknown>) => {
    let busy = false;
    const t = setInterval(() => {
      if (busy || stopped) return;
      busy = true;
      fn().catch((err: Error) => opts.log(`demo traffic: ${err.message}`)).finally(() => { busy = false; });
    }, ms * pace);
    t.unref();
    timers.push(t);
  };

  every(300, () => {
    const ticks = [nextTick(), nextTick()];
    return producer.send({ topic: TOPICS.prices.name, messages: ticks.map((t) => ({ key: t.ticker, value: JSON.stringify(t) })) });
  });
  every(2_000, () => producer.send({ topic: TOPICS.appLogs.name, messages: [logLine()] }));
  every(3_000, () => producer.send({ topic: TOPICS.auditEvents.name, messages: [auditEvent()] }));
  every(5_000, () => producer.send({ topic: TOPICS.sensorFrames.name, messages: [{ key: 'sensor-1', value: sensorFrame(1) }] }));
  every(7_000, () => {
    const u = Math.floor(Math.random() * 30);
    return producer.send({ topic: TOPICS.userProfiles.name, messages: [{ key: `user-${u}`, value: JSON.stringify(userProfile(u, Date.now())) }] });
  });
  let clicks = 0;
  every(1_000, () => producer.send({ topic: TOPICS.clickstream.name, messages: [{ value: click(clicks++) }] }));
  const formats = opts.formats;
  if (formats) {
    let payments = 1_000;
    every(2_500, async () => {
      const n = payments++;
      const value = await formats.registry.encode(formats.ids.paymentsV2, payment(n, 2));
      return producer.send({ topic: TOPICS.payments.name, messages: [{ key: `pay-${String(n).padStart(5, '0')}`, value }] });
    });
    let shipments = 1_000;
    every(4_000, async () => {
      const n = shipments++;
      const value = await formats.registry.encode(formats.ids.shipments, shipment(n));
      return producer.send({ topic: TOPICS.shipments.name, messages: [{ key: `shp-${String(n).padStart(5, '0')}`, value }] });
    });
    let seq = 2n ** 40n + 1_000n;
    every(2_000, () => {
      const device = Math.floor(Math.random() * 5);
      return producer.send({ topic: TOPICS.telemetryMsgpack.name, messages: [{ key: `dev-${device}`, value: telemetry(device, seq++) }] });
    });
  }

  const consume = async (groupId: string, topic: string, handle: (value: Buffer | null) => Promise<void>) => {
    const consumer = kafka.consumer({ groupId, sessionTimeout: 30_000, maxBytesPerPartition: 16 * 1024, retry: { retries: 10 } });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message, heartbeat }) => {
        await handle(message.value);
        await heartbeat();
      },
    });
  };

  await Promise.all([
    consume(GROUPS.fastStrategy, TOPICS.prices.name, async (value) => {
      if (!value || Math.random() > 0.1) return;
      const tick = JSON.parse(value.toString());
      const order = orderFor(tick, GROUPS.fastStrategy);
      await producer.send({ topic: TOPICS.orders.name, messages: [{ key: order.ticker, value: JSON.stringify(order) }] });
    }),
    consume(GROUPS.slowStrategy, TOPICS.prices.name, async () => {
      await sleep(slowConsumerDelay() * pace);
    }),
    consume(GROUPS.execution, TOPICS.orders.name, async () => {
      await sleep(50 * pace);
    }),
  ]);
  opts.log('demo traffic running');

  const halt = () => {
    stopped = true;
    for (const t of timers) clearInterval(t);
  };
  return {
    halt,
    async stop() {
      halt();
      await Promise.allSettled(consumers.map((c) => c.disconnect()));
    },
  };
}
