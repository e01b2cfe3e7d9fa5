// Hostile input: every truncation of real frames, and seeded random or corrupted bytes, must end in a
// ProtocolError (or a clean decode) from decodeRequestHeader/decodeRequest — never another exception,
// a hang, or a read past the frame.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiKey, decodeRequest, decodeRequestHeader, encodeRequest, knownVersions, ProtocolError } from './index';
import { apiSchemas } from './generated/apis';

function fixture(name: string): Buffer {
  const text = readFileSync(join(__dirname, 'fixtures', name), 'utf8');
  return Buffer.from(text.split('\n').filter((l) => !l.startsWith('#')).join('').trim(), 'hex');
}

/** Decodes a whole request; returns 'ok' or 'protocol-error', and lets any other exception fail the test. */
function attempt(frame: Buffer): 'ok' | 'protocol-error' {
  try {
    const { header, bodyOffset } = decodeRequestHeader(frame);
    decodeRequest(header.apiKey, header.apiVersion, frame, bodyOffset);
    return 'ok';
  } catch (err) {
    if (err instanceof ProtocolError) return 'protocol-error';
    throw err;
  }
}

/** Deterministic xorshift32, so a failure reproduces. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

const realFrames: [string, Buffer][] = [
  ['kcat ApiVersions v3', fixture('kcat-api-versions-v3.hex')],
  ['kafkajs ApiVersions v2', fixture('kafkajs-api-versions-v2.hex')],
  [
    'Produce v7',
    encodeRequest(ApiKey.Produce, 7, 3, 'p', {
      acks: -1,
      timeoutMs: 1000,
      topicData: [{ name: 'orders', partitionData: [{ index: 0, records: Buffer.alloc(70, 1) }] }],
    }).subarray(4),
  ],
  [
    'Metadata v9',
    encodeRequest(ApiKey.Metadata, 9, 3, 'p', { topics: [{ name: 'a' }, { name: 'b' }], includeTopicAuthorizedOperations: true }).subarray(4),
  ],
  [
    'CreateTopics v5',
    encodeRequest(ApiKey.CreateTopics, 5, 3, 'p', {
      topics: [{ name: 't', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [{ name: 'k', value: null }] }],
    }).subarray(4),
  ],
];

describe('truncated frames', () => {
  it.each(realFrames)('every strict prefix of %s is a ProtocolError', (_name, frame) => {
    expect(attempt(frame)).toBe('ok');
    for (let len = 0; len < frame.length; len++) {
      expect(attempt(frame.subarray(0, len)), `prefix of ${len} bytes`).toBe('protocol-error');
    }
  });
});

describe('garbage', () => {
  it('an unknown api key or an empty frame is a ProtocolError', () => {
    expect(attempt(Buffer.from('7fff0000000000010000', 'hex'))).toBe('protocol-error');
    expect(attempt(Buffer.alloc(0))).toBe('protocol-error');
  });

  it('forged huge lengths are rejected without allocating', () => {
    // Metadata v1 claiming 2^31-1 topics in a 4-byte body.
    const frame = Buffer.from('0003' + '0001' + '00000001' + 'ffff' + '7fffffff', 'hex');
    expect(attempt(frame)).toBe('protocol-error');
    // CreateTopics v5 claiming a compact array of 2^32-2 elements.
    const flexible = Buffer.from('0013' + '0005' + '00000001' + 'ffff' + '00' + 'ffffffff0f', 'hex');
    expect(attempt(flexible)).toBe('protocol-error');
  });

  it('seeded random bodies for every API and version end cleanly', () => {
    const next = rng(0x5eed);
    let errors = 0;
    for (const api of apiSchemas) {
      const range = knownVersions(api.key);
      if (!range) continue;
      for (let version = range.min; version <= range.max; version++) {
        for (let i = 0; i < 20; i++) {
          const header = encodeRequest(api.key, version, i, 'f', {}).subarray(4);
          const headerLength = decodeRequestHeader(header).bodyOffset;
          const noise = Buffer.alloc(Math.floor(next() * 64));
          for (let j = 0; j < noise.length; j++) noise[j] = Math.floor(next() * 256);
          if (attempt(Buffer.concat([header.subarray(0, headerLength), noise])) === 'protocol-error') errors++;
        }
      }
    }
    expect(errors).toBeGreaterThan(0);
  });

  it('seeded byte flips in real frames end cleanly', () => {
    const next = rng(42);
    for (const [, frame] of realFrames) {
      for (let i = 0; i < 300; i++) {
        const copy = Buffer.from(frame);
        const flips = 1 + Math.floor(next() * 3);
        for (let f = 0; f < flips; f++) copy[Math.floor(next() * copy.length)] = Math.floor(next() * 256);
        expect(['ok', 'protocol-error']).toContain(attempt(copy));
      }
    }
  });
});
