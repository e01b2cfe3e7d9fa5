// The demo's format topics as a newcomer sees them: seeded through the demo's own code against an
// embedded registry, `payments` decodes under both schema versions (decimal, timestamp, union),
// `shipments` shows its enum and nested messages, `telemetry-msgpack` decodes as MessagePack.
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getMessages } from '../../app/api/clusters/[cluster]/topics/[topic]/messages/route';
import { SUBJECTS, TOPICS } from '../../lib/demo/catalog';
import { registerDemoSchemas } from '../../lib/demo/format-schemas';
import { seedFormats } from '../../lib/demo/seed-formats';
import { MessagePageSchema } from '../../lib/schemas/message';
import { call } from '../api/harness';
import { startFormatsHarness, type FormatsHarness } from './harness';

let h: FormatsHarness;
beforeAll(async () => {
  h = await startFormatsHarness({}, 3);
  const admin = h.kafka.admin();
  await admin.connect();
  try {
    const registry = new SchemaRegistry({ host: h.registry.url });
    const ids = await registerDemoSchemas(registry);
    // Registering again (a restart) keeps the ids.
    expect(await registerDemoSchemas(registry)).toEqual(ids);
    expect(await seedFormats({ admin, producer: h.producer, registry, ids, dataDir: null, log: () => undefined })).toBe(true);
  } finally {
    await admin.disconnect();
  }
}, 60_000);
afterAll(() => h?.close());

const page = async (topic: string, qs = '') => {
  const r = await call(getMessages, `/api/clusters/test/topics/${topic}/messages?from=earliest&order=asc&limit=100${qs}`, { topic });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return MessagePageSchema.parse(r.body).messages;
};

describe('demo format topics', () => {
  it('payments: Avro under two schema versions', async () => {
    const ms = await page(TOPICS.payments.name);
    expect(ms).toHaveLength(40);
    const versions = new Set(ms.map((m) => m.value!.schema?.version));
    expect(versions).toEqual(new Set([1, 2]));
    for (const m of ms) {
      expect(m.value).toMatchObject({ encoding: 'avro', schema: { subject: SUBJECTS.payments, type: 'AVRO' } });
      const v = JSON.parse(m.value!.text!);
      expect(v.amount).toMatch(/^\d+\.\d\d$/);
      expect(v.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(['EUR', 'USD', 'GBP', 'JPY']).toContain(v.currency);
    }
  });

  it('shipments: Protobuf enum and nested messages', async () => {
    const ms = await page(TOPICS.shipments.name);
    expect(ms).toHaveLength(30);
    const v = JSON.parse(ms[0]!.value!.text!);
    expect(ms[0]!.value).toMatchObject({ encoding: 'protobuf', schema: { subject: SUBJECTS.shipments, version: 1 } });
    expect(['PACKED', 'IN_TRANSIT', 'DELIVERED']).toContain(v.status);
    expect(v.destination.city).toEqual(expect.any(String));
    expect(v.items[0].sku).toMatch(/^SKU-/);
  });

  it('telemetry-msgpack: MessagePack with an exact 64-bit counter and a timestamp', async () => {
    const ms = await page(TOPICS.telemetryMsgpack.name, '&valueFormat=msgpack');
    expect(ms).toHaveLength(50);
    expect(ms[0]!.value!.encoding).toBe('msgpack');
    expect(ms[0]!.value!.text).toContain('"seq":1099511627776');
    expect(JSON.parse(ms[0]!.value!.text!).at).toMatch(/Z$/);
  });
});
