// First-run data of the demo's format topics: Avro `payments` (half under schema v1, half under v2),
// Protobuf `shipments` and MessagePack `telemetry-msgpack`, written with @kafkajs/confluent-schema-
// registry against the demo's own registry, as an application would. It has its own marker, so a data
// directory seeded before these topics existed gets them on its next start, and never twice.
import 'server-only';
import type { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Admin, Producer } from 'kafkajs';
import { TOPICS } from './catalog';
import { payment, shipment, telemetry } from './format-generators';
import type { DemoSchemaIds } from './format-schemas';

const MARKER = 'demo-formats-seeded';
const FORMAT_TOPICS = [TOPICS.payments, TOPICS.shipments, TOPICS.telemetryMsgpack];

export interface FormatSeedOptions {
  admin: Admin;
  producer: Producer;
  registry: SchemaRegistry;
  ids: DemoSchemaIds;
  dataDir: string | null;
  log: (line: string) => void;
}

export async function seedFormats(opts: FormatSeedOptions): Promise<boolean> {
  if (opts.dataDir !== null && existsSync(join(opts.dataDir, MARKER))) return false;
  const existing = new Set(await opts.admin.listTopics());
  const missing = FORMAT_TOPICS.filter((t) => !existing.has(t.name));
  if (missing.length > 0) {
    await opts.admin.createTopics({ topics: missing.map((t) => ({ topic: t.name, numPartitions: t.partitions, replicationFactor: t.replicationFactor })), waitForLeaders: true });
  }
  const start = Date.now() - 30 * 60 * 1000;
  const payments = await Promise.all(
    Array.from({ length: 40 }, async (_, i) => {
      const version = i < 20 ? 1 : 2;
      const value = await opts.registry.encode(version === 1 ? opts.ids.paymentsV1 : opts.ids.paymentsV2, payment(i, version, start + i * 45_000));
      return { key: `pay-${String(i).padStart(5, '0')}`, value, timestamp: String(start + i * 45_000) };
    }),
  );
  await opts.producer.send({ topic: TOPICS.payments.name, acks: -1, messages: payments });
  const shipments = await Promise.all(Array.from({ length: 30 }, async (_, i) => ({ key: `shp-${String(i).padStart(5, '0')}`, value: await opts.registry.encode(opts.ids.shipments, shipment(i)) })));
  await opts.producer.send({ topic: TOPICS.shipments.name, acks: -1, messages: shipments });
  await opts.producer.send({
    topic: TOPICS.telemetryMsgpack.name,
    acks: -1,
    messages: Array.from({ length: 50 }, (_, i) => ({ key: `dev-${i % 5}`, value: telemetry(i % 5, 2n ** 40n + BigInt(i), new Date(start + i * 36_000)) })),
  });
  if (opts.dataDir !== null) writeFileSync(join(opts.dataDir, MARKER), `${new Date().toISOString()}\n`);
  opts.log('demo format topics seeded (payments: Avro, shipments: Protobuf, telemetry-msgpack: MessagePack)');
  return true;
}
