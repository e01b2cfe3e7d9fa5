// Real client bytes, not our own reading of the spec: the first frame kcat (librdkafka) and kafkajs
// send to a broker, captured live over TCP from a throwaway listener and also kept as fixtures, so the
// check still runs where kcat is not installed.

import { existsSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { ApiKey, decodeRequest, decodeRequestHeader, encodeRequest } from './index';

const KCAT = '/usr/bin/kcat';

function fixture(name: string): Buffer {
  const text = readFileSync(join(__dirname, 'fixtures', name), 'utf8');
  return Buffer.from(text.split('\n').filter((l) => !l.startsWith('#')).join('').trim(), 'hex');
}

/**
 * Listens on 127.0.0.1:0, lets `connect(port)` start a client, and resolves with the first frame it
 * sends (without the size prefix). The connection is then dropped and `stop` called.
 */
function captureFirstFrame(connect: (port: number) => () => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let stop: () => void = () => {};
    const server = createServer((socket) => {
      let received = Buffer.alloc(0);
      socket.on('error', () => {});
      socket.on('data', (chunk) => {
        received = Buffer.concat([received, chunk]);
        if (received.length < 4 || received.length < 4 + received.readInt32BE(0)) return;
        const frame = received.subarray(4, 4 + received.readInt32BE(0));
        socket.destroy();
        server.close();
        stop();
        resolve(frame);
      });
    });
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      stop = connect((server.address() as AddressInfo).port);
    });
  });
}

/** Decoding then re-encoding must give the client's exact bytes back. */
function expectReencodes(frame: Buffer): void {
  const { header, bodyOffset } = decodeRequestHeader(frame);
  const body = decodeRequest(header.apiKey, header.apiVersion, frame, bodyOffset);
  const again = encodeRequest(header.apiKey, header.apiVersion, header.correlationId, header.clientId, body);
  expect(again.subarray(4).toString('hex')).toBe(frame.toString('hex'));
}

describe('kcat (librdkafka) first frame', () => {
  function expectLibrdkafkaProbe(frame: Buffer): void {
    const { header, bodyOffset } = decodeRequestHeader(frame);
    expect(header.apiKey).toBe(ApiKey.ApiVersions);
    expect(header.apiVersion).toBe(3);
    expect(header.clientId).toBe('rdkafka');
    const body = decodeRequest(header.apiKey, header.apiVersion, frame, bodyOffset);
    expect(body.clientSoftwareName).toBe('librdkafka');
    expect(body.clientSoftwareVersion).toMatch(/^\d+\.\d+\.\d+/);
    expectReencodes(frame);
  }

  it('fixture: ApiVersions v3 with header v2', () => {
    const frame = fixture('kcat-api-versions-v3.hex');
    expectLibrdkafkaProbe(frame);
    const { header, bodyOffset } = decodeRequestHeader(frame);
    expect(header.correlationId).toBe(1);
    expect(bodyOffset).toBe(2 + 2 + 4 + (2 + 'rdkafka'.length) + 1); // key, version, correlation, client id, tags
    expect(decodeRequest(18, 3, frame, bodyOffset).clientSoftwareVersion).toBe('2.0.2');
  });

  it.skipIf(!existsSync(KCAT))('live capture over TCP', async () => {
    const frame = await captureFirstFrame((port) => {
      const child = spawn(KCAT, ['-b', `127.0.0.1:${port}`, '-L', '-m', '2'], { stdio: 'ignore' });
      return () => child.kill();
    });
    expectLibrdkafkaProbe(frame);
  });
});

describe('kafkajs 2.2.4 first frame', () => {
  function expectKafkajsProbe(frame: Buffer, clientId: string): void {
    const { header, bodyOffset } = decodeRequestHeader(frame);
    expect(header).toMatchObject({ apiKey: ApiKey.ApiVersions, apiVersion: 2, clientId });
    expect(bodyOffset).toBe(frame.length); // v2 has an empty body
    // The v3 fields are absent in v2, so they read as their defaults.
    expect(decodeRequest(header.apiKey, header.apiVersion, frame, bodyOffset)).toEqual({ clientSoftwareName: '', clientSoftwareVersion: '' });
    expectReencodes(frame);
  }

  it('fixture: ApiVersions v2 with header v1', () => {
    const frame = fixture('kafkajs-api-versions-v2.hex');
    expectKafkajsProbe(frame, 'kafscope-fixture');
    expect(decodeRequestHeader(frame).header.correlationId).toBe(0);
  });

  it('live capture over TCP', async () => {
    let admin: ReturnType<Kafka['admin']> | undefined;
    let connecting: Promise<void> | undefined;
    const frame = await captureFirstFrame((port) => {
      const kafka = new Kafka({
        clientId: 'kafscope-live',
        brokers: [`127.0.0.1:${port}`],
        retry: { retries: 0 },
        connectionTimeout: 1000,
        logLevel: logLevel.NOTHING,
      });
      admin = kafka.admin();
      connecting = admin.connect().catch(() => {});
      return () => {};
    });
    await connecting;
    await admin?.disconnect();
    expectKafkajsProbe(frame, 'kafscope-live');
  });
});
