// The end-to-end tests' own Kafka client (kafkajs) on the primary cluster's broker Playwright
// started, plus unique names so tests never see each other's topics or groups.
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';

export const BOOTSTRAP = `127.0.0.1:${process.env.E2E_BROKER_PORT ?? 19092}`;
/** The secondary (read-only in the app) cluster's broker. */
export const SECONDARY_BOOTSTRAP = `127.0.0.1:${process.env.E2E_SECONDARY_BROKER_PORT ?? 19192}`;

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** A client of the primary cluster's broker, or of `bootstrap`. */
export function kafka(bootstrap = BOOTSTRAP): Kafka {
  return new Kafka({ clientId: 'kafscope-e2e', brokers: [bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 3 } });
}

export async function createTopic(topic: string, partitions = 1, configs: Record<string, string> = {}, bootstrap = BOOTSTRAP): Promise<void> {
  const admin = kafka(bootstrap).admin();
  await admin.connect();
  try {
    const configEntries = Object.entries(configs).map(([name, value]) => ({ name, value }));
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions, replicationFactor: 1, configEntries }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

export async function produce(topic: string, messages: { key?: string | null; value: string | Buffer | null; partition?: number; timestamp?: string }[]): Promise<void> {
  const producer = kafka().producer({ allowAutoTopicCreation: false, idempotent: false });
  await producer.connect();
  try {
    await producer.send({ topic, messages });
  } finally {
    await producer.disconnect();
  }
}

/** Gives `groupId` committed offsets on `topic` (an empty group, as a stopped consumer leaves it). */
export async function commitGroupOffsets(groupId: string, topic: string, partitions: { partition: number; offset: string }[]): Promise<void> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    await admin.setOffsets({ groupId, topic, partitions });
  } finally {
    await admin.disconnect();
  }
}
