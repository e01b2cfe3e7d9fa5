// A schema registry that is down or hangs must never hang or fail a page: framed records get an error
// badge within the lookup's timeout, a page naming one id many times waits once, and the failure is
// remembered for a few seconds so the next page answers at once.
import { SchemaType } from '@kafkajs/confluent-schema-registry';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getMessages } from '../../app/api/clusters/[cluster]/topics/[topic]/messages/route';
import { REGISTRY_TIMEOUT_MS } from '../../lib/kafka/formats/registry-client';
import { MessagePageSchema } from '../../lib/schemas/message';
import { call, createTopic } from '../api/harness';
import { configureRegistry, startFormatsHarness, type FormatsHarness } from './harness';

let h: FormatsHarness;
let hung: net.Server;
const sockets = new Set<net.Socket>();

beforeAll(async () => {
  h = await startFormatsHarness();
  const schema = JSON.stringify({ type: 'record', name: 'R', fields: [{ name: 'n', type: 'int' }] });
  const { id } = await h.client.register({ type: SchemaType.AVRO, schema }, { subject: 'outage-value' });
  await createTopic(h, 'outage');
  const encoded = await h.client.encode(id, { n: 5 });
  await h.producer.send({ topic: 'outage', messages: Array.from({ length: 200 }, (_, i) => ({ key: `k${i}`, value: encoded })) });
  // A server that accepts connections and never answers.
  hung = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => hung.listen(0, '127.0.0.1', r));
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => hung?.close(r));
  await h?.close();
});

const timedPage = async () => {
  const started = Date.now();
  const r = await call(getMessages, '/api/clusters/test/topics/outage/messages?from=earliest&order=asc&limit=200', { topic: 'outage' });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return { ms: Date.now() - started, messages: MessagePageSchema.parse(r.body).messages };
};

describe('registry outage', () => {
  it('a registry that hangs: badges within the timeout, one wait for 200 records', async () => {
    const { port } = hung.address() as net.AddressInfo;
    configureRegistry(h, `http://127.0.0.1:${port}`);
    const first = await timedPage();
    expect(first.messages).toHaveLength(200);
    expect(first.ms).toBeLessThan(REGISTRY_TIMEOUT_MS + 2_000);
    for (const m of first.messages) expect(m.value!.error).toMatch(/did not answer within 2000 ms/);
    // The failure is remembered: the next page does not wait again.
    const second = await timedPage();
    expect(second.ms).toBeLessThan(1_000);
    expect(second.messages[0]!.value!.error).toMatch(/did not answer/);
  });

  it('a registry that is closed: badges at once, then decoding resumes when it is back', async () => {
    configureRegistry(h, h.registry.url);
    const { messages } = await timedPage();
    expect(messages[0]!.value).toMatchObject({ encoding: 'avro', text: '{"n":5}' });
    const url = h.registry.url;
    await h.registry.close();
    // A second URL that is down too: both are tried, the error names no address.
    configureRegistry(h, `${url},http://127.0.0.1:1`);
    const down = await timedPage();
    expect(down.ms).toBeLessThan(REGISTRY_TIMEOUT_MS + 2_000);
    expect(down.messages).toHaveLength(200);
    expect(down.messages[0]!.value).toMatchObject({ encoding: 'binary' });
    expect(down.messages[0]!.value!.error).toMatch(/schema registry unreachable/);
    expect(down.messages[0]!.value!.error).not.toContain('127.0.0.1');
  });
});
