// First-run demo data. Runs once per data directory (a marker file records completion), through
// kafkajs like any client would, so the demo exercises the same paths a user's producers do.
import 'server-only';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Admin, Producer } from 'kafkajs';
import { GROUPS, STREAMS_INTRO_MESSAGES, TOPICS } from './catalog';
import { auditEvent, click, logLine, nextTick, orderFor, sensorFrame, userProfile } from './generators';

const MARKER = 'demo-seeded';

export function isSeeded(dataDir: string | null): boolean {
  return dataDir !== null && existsSync(join(dataDir, MARKER));
}

export interface SeedOptions {
  admin: Admin;
  producer: Producer;
  dataDir: string | null;
  /** Runs the broker's retention and compaction now, so the demo starts with them visible. */
  enforceRetention?: () => void;
  log: (line: string) => void;
}

async function createTopics(admin: Admin) {
  const existing = new Set(await admin.listTopics());
  const topics = Object.values(TOPICS)
    .filter((t) => !existing.has(t.name))
    .map((t) => ({
      topic: t.name,
      numPartitions: t.partitions,
      replicationFactor: t.replicationFactor,
      configEntries: Object.entries('configs' in t ? t.configs : {}).map(([name, value]) => ({ name, value })),
    }));
  if (topics.length > 0) await admin.createTopics({ topics, waitForLeaders: true });
}

async function produceData(producer: Producer) {
  const send = (topic: string, messages: Parameters<Producer['send']>[0]['messages']) =>
    producer.send({ topic, acks: -1, messages });

  await send(TOPICS.streamsIntro.name, STREAMS_INTRO_MESSAGES.map(([key, value]) => ({ key, value })));

  const start = Date.now() - 60 * 60 * 1000;
  const ticks = Array.from({ length: 600 }, (_, i) => nextTick(start + i * 6000));
  await send(TOPICS.prices.name, ticks.map((t) => ({ key: t.ticker, value: JSON.stringify(t), timestamp: String(Date.parse(t.ts)) })));
  await send(TOPICS.orders.name, ticks.filter((_, i) => i % 5 === 0).map((t) => {
    const order = orderFor(t, GROUPS.fastStrategy);
    return { key: order.ticker, value: JSON.stringify(order) };
  }));
  await send(TOPICS.appLogs.name, Array.from({ length: 200 }, (_, i) => logLine(start + i * 18_000)));
  await send(TOPICS.sensorFrames.name, Array.from({ length: 100 }, (_, i) => ({ key: `sensor-${i % 8}`, value: sensorFrame(i % 8) })));
  await send(TOPICS.auditEvents.name, Array.from({ length: 50 }, () => auditEvent()));

  // Several versions per user and a few deletions: compaction keeps the newest, drops tombstones.
  for (let version = 1; version <= 4; version++) {
    await send(TOPICS.userProfiles.name, Array.from({ length: 30 }, (_, u) => ({
      key: `user-${u}`, value: JSON.stringify(userProfile(u, version)),
    })));
  }
  await send(TOPICS.userProfiles.name, [3, 7, 11].map((u) => ({ key: `user-${u}`, value: null })));

  // More data than retention.bytes allows, in small batches so it spans many segments.
  for (let batch = 0; batch < 40; batch++) {
    await send(TOPICS.clickstream.name, Array.from({ length: 20 }, (_, i) => ({ value: click(batch * 20 + i) })));
  }
}

/** Gives each demo group committed offsets part-way through its topic, so lag shows at once. */
async function commitGroupOffsets(admin: Admin) {
  const positions: [string, string, number][] = [
    [GROUPS.fastStrategy, TOPICS.prices.name, 0.95],
    [GROUPS.slowStrategy, TOPICS.prices.name, 0.5],
    [GROUPS.execution, TOPICS.orders.name, 0.8],
  ];
  for (const [groupId, topic, share] of positions) {
    const offsets = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({
      groupId,
      topic,
      partitions: offsets.map((o) => {
        const low = BigInt(o.low);
        const high = BigInt(o.high);
        const at = low + ((high - low) * BigInt(Math.round(share * 100))) / 100n;
        return { partition: o.partition, offset: at.toString() };
      }),
    });
  }
}

/** Seeds the demo unless this data directory already has it. Returns whether it seeded. */
export async function seedDemo(opts: SeedOptions): Promise<boolean> {
  if (isSeeded(opts.dataDir)) {
    opts.log('demo data already present, not seeding again');
    return false;
  }
  await createTopics(opts.admin);
  await produceData(opts.producer);
  await commitGroupOffsets(opts.admin);
  opts.enforceRetention?.();
  if (opts.dataDir !== null) writeFileSync(join(opts.dataDir, MARKER), `${new Date().toISOString()}\n`);
  opts.log('demo data seeded');
  return true;
}
