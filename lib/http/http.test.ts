import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { classifyError } from './domain-problems';
import { HttpProblem } from './problem';
import { loadAppConfig, setConsoleConfig } from '../config';
import { notFound } from '../kafka/errors';
import { clusterRoute, readBody, readQuery, route } from './route';

// kafkajs' own error classes, so the mapping is checked against what the client really throws.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const kafkajsErrors = require('kafkajs/src/errors') as Record<string, new (...args: unknown[]) => Error>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createErrorFromCode } = require('kafkajs/src/protocol/error') as { createErrorFromCode(code: number): Error };
import { ErrorCode } from '../common/kafka-error-codes';

describe('error classification', () => {
  it.each([
    ['UNKNOWN_TOPIC_OR_PARTITION', 404],
    ['TOPIC_ALREADY_EXISTS', 409],
    ['NON_EMPTY_GROUP', 409],
    ['INVALID_REPLICATION_FACTOR', 400],
    ['LEADER_NOT_AVAILABLE', 503],
    ['CLUSTER_AUTHORIZATION_FAILED', 502],
  ] as const)('Kafka %s -> %i', (name, status) => {
    const p = classifyError(createErrorFromCode(ErrorCode[name]))!;
    expect(p.status).toBe(status);
    if (status === 502) expect(p.toProblem().kafkaError).toBe(name);
  });
  it('a connection failure wrapped in retries is 503', () => {
    const conn = new kafkajsErrors.KafkaJSConnectionError!('Connection error: connect ECONNREFUSED 127.0.0.1:1');
    const retries = new kafkajsErrors.KafkaJSNumberOfRetriesExceeded!(conn, { retryCount: 1, retryTime: 100 });
    expect(classifyError(retries)?.status).toBe(503);
  });
  it('zod errors are 400 naming the field', () => {
    const r = z.object({ limit: z.number().max(10) }).safeParse({ limit: 1e9 });
    const p = classifyError(r.error)!.toProblem();
    expect(p).toMatchObject({ status: 400, field: 'limit' });
  });
  it('other errors are not expected conditions', () => {
    expect(classifyError(new TypeError('x is undefined'))).toBeNull();
  });
});

describe('route wrapper', () => {
  const useEnv = (env: Record<string, string>) => setConsoleConfig(loadAppConfig({ KAFKA_BROKERCONNECT: 'k:1', ...env }));
  afterEach(() => {
    setConsoleConfig(null);
    vi.restoreAllMocks();
  });
  const post = (headers: Record<string, string>, body = '{}') =>
    new Request('http://console.local:9000/api/clusters/default/topics', { method: 'POST', headers, body });
  const handler = clusterRoute<{ cluster: string }>({ mutation: 'topicCreate' }, async ({ request }) => readBody(request, z.object({ n: z.int().default(1) })));
  const ok = (request: Request) => handler(request, { params: Promise.resolve({ cluster: 'default' }) });

  it('answers problem+json with no stack for a thrown problem and a bug alike', async () => {
    const a = await route({}, () => {
      throw notFound('No topic "x".');
    })(new Request('http://h/api/health'));
    expect(a.status).toBe(404);
    expect(a.headers.get('content-type')).toBe('application/problem+json');
    expect(await a.json()).toEqual({ type: 'about:blank', title: 'Not found', status: 404, detail: 'No topic "x".' });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const b = await route({}, () => {
      throw new Error('secret internals');
    })(new Request('http://h/api/health'));
    expect(b.status).toBe(500);
    expect(await b.text()).not.toContain('secret internals');
  });
  it('refuses a cross-site POST and accepts one from the console’s public URL', async () => {
    useEnv({ KAFSCOPE_PUBLIC_URL: 'http://console.local:9000' });
    expect((await ok(post({ 'content-type': 'application/json', origin: 'http://evil.example' }))).status).toBe(403);
    expect((await ok(post({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }))).status).toBe(403);
    expect((await ok(post({ 'content-type': 'application/json', origin: 'http://console.local:9000' }))).status).toBe(200);
    expect((await ok(post({ 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }))).status).toBe(200);
  });
  it('never takes the Host for its own origin (DNS rebinding)', async () => {
    useEnv({});
    const rebound = new Request('http://evil.example:9000/api/clusters/default/topics', {
      method: 'POST',
      headers: { host: 'evil.example:9000', origin: 'http://evil.example:9000', 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
      body: '{}',
    });
    expect((await ok(rebound)).status).toBe(403);
  });
  it('refuses a body over KAFSCOPE_MAX_BODY_BYTES with 413, declared or not', async () => {
    useEnv({ KAFSCOPE_MAX_BODY_BYTES: '1024' });
    const big = `{"n":1,"pad":"${'x'.repeat(2000)}"}`;
    expect((await ok(post({ 'content-type': 'application/json' }, big))).status).toBe(413);
    const chunked = new Request('http://console.local:9000/api/clusters/default/topics', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    const r = await ok(chunked);
    expect(r.status).toBe(413);
    expect((await r.json()).detail).toContain('KAFSCOPE_MAX_BODY_BYTES');
  });
  it('needs a JSON content type and a well-formed body', async () => {
    useEnv({});
    expect((await ok(post({ 'content-type': 'application/x-www-form-urlencoded' }, 'n=1'))).status).toBe(415);
    const bad = await ok(post({ 'content-type': 'application/json' }, '{"n":'));
    expect(bad.status).toBe(400);
    const wrong = await ok(post({ 'content-type': 'application/json' }, '{"n":"x"}'));
    expect(await wrong.json()).toMatchObject({ status: 400, field: 'n' });
  });
  it('refuses a switched-off mutation with 403 naming the variable', async () => {
    useEnv({ TOPIC_CREATE_ENABLED: 'false' });
    const r = await ok(post({ 'content-type': 'application/json' }));
    expect(r.status).toBe(403);
    expect((await r.json()).detail).toContain('TOPIC_CREATE_ENABLED');
    useEnv({ READ_ONLY: 'yes' });
    expect((await ok(post({ 'content-type': 'application/json' }))).status).toBe(403);
    useEnv({ KAFSCOPE_CLUSTER_NAME: 'other' });
    expect((await ok(post({ 'content-type': 'application/json' }))).status).toBe(404);
  });
  it('parses query strings with the shared schemas', () => {
    expect(readQuery(new URL('http://h/?limit=5'), z.object({ limit: z.coerce.number() }))).toEqual({ limit: 5 });
    expect(() => readQuery(new URL('http://h/?limit=x'), z.object({ limit: z.coerce.number() }))).toThrow();
    expect(new HttpProblem(400, 't').status).toBe(400);
  });
});
