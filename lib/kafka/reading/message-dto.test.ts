import { describe, expect, it } from 'vitest';
import { PAYLOAD_CAP_BYTES } from '../../decode';
import { PREVIEW_CAP_BYTES, PayloadBudget, RESPONSE_PAYLOAD_BUDGET, toMessage } from './message-dto';
import type { ReadRecord } from './reader';

const record = (offset: number, value: Buffer | null): ReadRecord =>
  ({
    partition: 0,
    offset: BigInt(offset),
    raw: { key: Buffer.from(`k${offset}`), value, headers: {}, timestamp: '1700000000000', offset: String(offset) },
  }) as unknown as ReadRecord;

describe('a response payload budget', () => {
  it('gives full-size payloads while it lasts, then previews marked truncated', () => {
    const big = Buffer.alloc(2 * 1024 * 1024, 0x61);
    const budget = new PayloadBudget();
    const pages = Array.from({ length: 60 }, (_, i) => toMessage(record(i, big), budget));
    const shown = pages.map((m) => m.value!.text!.length);
    expect(shown[0]).toBe(PAYLOAD_CAP_BYTES);
    expect(shown.at(-1)).toBe(PREVIEW_CAP_BYTES);
    expect(pages.every((m) => m.value!.truncated && m.value!.size === big.length)).toBe(true);
    const total = shown.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(RESPONSE_PAYLOAD_BUDGET + 60 * PREVIEW_CAP_BYTES);
  });

  it('leaves small payloads whole however many there are', () => {
    const budget = new PayloadBudget();
    const m = Array.from({ length: 1000 }, (_, i) => toMessage(record(i, Buffer.from(`{"n":${i}}`)), budget));
    expect(m.every((x) => x.value!.encoding === 'json' && !x.value!.truncated)).toBe(true);
    expect(m[999]!.value!.text).toBe('{"n":999}');
  });
});
