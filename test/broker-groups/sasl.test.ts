// SASL/PLAIN end to end: with `saslUsers` set, kafkajs and kcat with the right password produce and
// read; a wrong password is refused with SASL_AUTHENTICATION_FAILED; a client that skips SASL gets
// its connection closed on its first request other than ApiVersions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRequest } from '../../lib/broker/protocol';
import { KCAT, RawClient, requireKcat, run, runOk, startTestBroker, type TestBroker } from '../broker/helpers';
import { kafkaFor } from './helpers';

let broker: TestBroker;

beforeAll(async () => {
  broker = await startTestBroker({ settings: { saslUsers: 'alice:secret,bob:hunter2' } });
});
afterAll(async () => {
  await broker?.close();
});

const sasl = (password: string) => ({ mechanism: 'plain' as const, username: 'alice', password });

describe('SASL/PLAIN', () => {
  it('kafkajs with the right password produces and administers', async () => {
    const kafka = kafkaFor(broker, { sasl: sasl('secret') });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'secured', numPartitions: 1 }] });
    const producer = kafka.producer();
    await producer.connect();
    const [sent] = await producer.send({ topic: 'secured', messages: [{ value: 'hello' }] });
    expect(sent).toMatchObject({ errorCode: 0, baseOffset: '0' });
    await producer.disconnect();
    expect(await admin.listTopics()).toContain('secured');
    await admin.disconnect();
  });

  it('kafkajs with a wrong password is refused with SASL_AUTHENTICATION_FAILED', async () => {
    const kafka = kafkaFor(broker, { sasl: sasl('wrong'), retry: { retries: 0 } });
    const admin = kafka.admin();
    const err = await admin.connect().then(
      () => null,
      (e: Error & { type?: string }) => e,
    );
    expect(err?.name).toBe('KafkaJSSASLAuthenticationError');
    expect(err?.message).toMatch(/SASL_AUTHENTICATION_FAILED|Authentication failed: Invalid username or password/);
    expect(broker.logs.some((l) => l.includes('SASL/PLAIN authentication failed'))).toBe(true);
  });

  it('kcat with the right password reads; with a wrong one it fails', async () => {
    requireKcat();
    const auth = (password: string) => ['-X', 'security.protocol=SASL_PLAINTEXT', '-X', 'sasl.mechanisms=PLAIN', '-X', 'sasl.username=bob', '-X', `sasl.password=${password}`];
    await runOk(KCAT, ['-b', broker.bootstrap, ...auth('hunter2'), '-P', '-t', 'secured'], 'from-kcat\n');
    const out = await runOk(KCAT, ['-b', broker.bootstrap, ...auth('hunter2'), '-C', '-t', 'secured', '-o', 'beginning', '-e', '-q']);
    expect(out.trim().split('\n')).toEqual(['hello', 'from-kcat']);
    const bad = await run(KCAT, ['-b', broker.bootstrap, ...auth('nope'), '-L', '-m', '3'], undefined, 15_000);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/Authentication failed|SASL authentication error/i);
  });

  it('a request before authentication closes the connection', async () => {
    const client = await RawClient.connect(broker.nodes[0]!.port);
    client.write(encodeRequest(3, 1, 1, 'sneaky', { topics: null }));
    await expect(client.next()).rejects.toThrow('connection closed');
    expect(broker.logs.some((l) => l.includes('Metadata before SASL authentication'))).toBe(true);
  });
});
