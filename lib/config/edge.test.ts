import { describe, expect, it } from 'vitest';
import { MAX_BODY_CEILING, readEdge } from './edge';
import { parseHostName } from './host-names';
import { loadAppConfig } from './index';

describe('host names', () => {
  it.each([
    ['localhost', { name: 'localhost', port: null }],
    ['LocalHost:9000', { name: 'localhost', port: 9000 }],
    ['kafka.example.com.', { name: 'kafka.example.com', port: null }],
    ['[::1]:9000', { name: '[::1]', port: 9000 }],
    ['10.0.0.7', { name: '10.0.0.7', port: null }],
  ])('%s', (raw, parsed) => expect(parseHostName(raw)).toEqual(parsed));
  it.each(['', 'http://x', 'a b', 'x:0', 'x:70000', 'x/y', '[::1', 'evil.example:9000:1', '.'])('refuses %j', (raw) => expect(parseHostName(raw)).toBeNull());
});

describe('the edge configuration', () => {
  it('defaults: loopback names on any port; loopback origins on the listening port; 1 MiB bodies; no proxy trust', () => {
    const edge = readEdge({});
    expect(edge.allowedHosts).toEqual([
      { name: 'localhost', port: null },
      { name: '127.0.0.1', port: null },
      { name: '[::1]', port: null },
    ]);
    expect(edge.allowedOrigins).toEqual(['http://localhost:9000', 'http://127.0.0.1:9000', 'http://[::1]:9000']);
    expect(edge).toMatchObject({ publicOrigin: null, trustProxy: false, maxBodyBytes: 1024 * 1024, listenPort: 9000 });
  });
  it('the listening port comes from SERVER_PORT, else from Next’s PORT', () => {
    expect(readEdge({ SERVER_PORT: '9123', PORT: '1' }).allowedOrigins).toContain('http://127.0.0.1:9123');
    expect(readEdge({ PORT: '8080' }).listenPort).toBe(8080);
  });
  it('the public URL adds its host and is the origin mutations must come from', () => {
    const edge = readEdge({ KAFSCOPE_PUBLIC_URL: 'https://Kafka.Example.com/console', SERVER_PORT: '9000' });
    expect(edge.publicOrigin).toBe('https://kafka.example.com');
    expect(edge.allowedHosts).toContainEqual({ name: 'kafka.example.com', port: null });
    expect(edge.allowedOrigins[0]).toBe('https://kafka.example.com');
    expect(readEdge({ KAFSCOPE_PUBLIC_URL: 'http://console.internal:8080' }).allowedHosts).toContainEqual({ name: 'console.internal', port: 8080 });
  });
  it('KAFSCOPE_ALLOWED_HOSTS adds names, with or without a port', () => {
    const edge = readEdge({ KAFSCOPE_ALLOWED_HOSTS: 'kafscope.internal, 10.0.0.7:9000 ,[fd00::1]' });
    expect(edge.allowedHosts.slice(3)).toEqual([
      { name: 'kafscope.internal', port: null },
      { name: '10.0.0.7', port: 9000 },
      { name: '[fd00::1]', port: null },
    ]);
    // Extra names may read; only the public URL's origin may change a cluster.
    expect(edge.allowedOrigins).not.toContain('http://kafscope.internal');
  });
  it.each([
    [{ KAFSCOPE_PUBLIC_URL: 'kafka.example.com' }, 'KAFSCOPE_PUBLIC_URL'],
    [{ KAFSCOPE_PUBLIC_URL: 'ftp://kafka.example.com' }, 'KAFSCOPE_PUBLIC_URL'],
    [{ KAFSCOPE_PUBLIC_URL: 'https://user:secret@kafka.example.com' }, 'KAFSCOPE_PUBLIC_URL'],
    [{ KAFSCOPE_ALLOWED_HOSTS: 'https://kafka.example.com' }, 'KAFSCOPE_ALLOWED_HOSTS'],
    [{ KAFSCOPE_TRUST_PROXY: 'maybe' }, 'KAFSCOPE_TRUST_PROXY'],
    [{ KAFSCOPE_MAX_BODY_BYTES: '1mb' }, 'KAFSCOPE_MAX_BODY_BYTES'],
    [{ KAFSCOPE_MAX_BODY_BYTES: String(MAX_BODY_CEILING + 1) }, 'KAFSCOPE_MAX_BODY_BYTES'],
    [{ SERVER_PORT: '90000' }, 'SERVER_PORT'],
  ])('%j stops start-up naming %s, never the value', (env, variable) => {
    expect(() => loadAppConfig({ KAFKA_BROKERCONNECT: 'k:1', ...env })).toThrow(new RegExp(`^${variable}: `));
    try {
      loadAppConfig({ KAFKA_BROKERCONNECT: 'k:1', ...env });
    } catch (err) {
      expect((err as Error).message).not.toContain('secret');
    }
  });
  it('is part of the console configuration', () => {
    expect(loadAppConfig({ KAFKA_BROKERCONNECT: 'k:1', KAFSCOPE_TRUST_PROXY: 'true', KAFSCOPE_MAX_BODY_BYTES: '2048' }).edge).toMatchObject({ trustProxy: true, maxBodyBytes: 2048 });
  });
});
