// Plausible payloads for the demo's format topics, as plain values for the serializers: payments for
// Avro (the decimal as its two's-complement bytes, as Avro stores it), shipments for Protobuf, and
// device telemetry for MessagePack (with a timestamp extension and a 64-bit counter).
import { encode } from '@msgpack/msgpack';
import { randomUUID } from 'node:crypto';

const CURRENCIES = ['EUR', 'USD', 'GBP', 'JPY'] as const;
const METHODS = ['CARD', 'TRANSFER', 'WALLET'] as const;
const NOTES = [null, null, 'monthly subscription', 'refund', null, 'invoice 2024-118'];
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

/** An unscaled decimal as Avro's big-endian two's-complement bytes (minimal length). */
export function decimalBytes(unscaled: bigint): Buffer {
  const out: number[] = [];
  let v = unscaled;
  for (;;) {
    out.unshift(Number(v & 0xffn));
    v >>= 8n;
    const sign = (out[0]! & 0x80) !== 0;
    if ((v === 0n && !sign) || (v === -1n && sign)) break;
  }
  return Buffer.from(out);
}

export function payment(n: number, version: 1 | 2, now = Date.now()) {
  const cents = BigInt(100 + Math.floor(Math.random() * 250_000));
  const base = {
    paymentId: `pay-${String(n).padStart(5, '0')}`,
    amount: decimalBytes(cents),
    currency: pick(CURRENCIES),
    createdAt: now,
    note: pick(NOTES),
  };
  return version === 1 ? base : { ...base, method: Math.random() < 0.2 ? null : pick(METHODS) };
}

const CITIES = [['Lyon', 'FR'], ['Leeds', 'GB'], ['Porto', 'PT'], ['Graz', 'AT'], ['Osaka', 'JP']] as const;
const STATUSES = [1, 2, 2, 3] as const;

export function shipment(n: number) {
  const [city, country] = pick(CITIES);
  return {
    shipment_id: `shp-${String(n).padStart(5, '0')}`,
    status: pick(STATUSES),
    destination: { city, country },
    items: Array.from({ length: 1 + (n % 3) }, (_, i) => ({ sku: `SKU-${100 + ((n + i) % 40)}`, quantity: 1 + ((n * 7 + i) % 5) })),
    weight_grams: 200 + ((n * 137) % 9_000),
  };
}

export function telemetry(device: number, seq: bigint, at = new Date()): Buffer {
  return Buffer.from(
    encode(
      { device: `dev-${device}`, seq, at, temperature: +(18 + Math.random() * 8).toFixed(2), humidity: Math.floor(30 + Math.random() * 40), battery: 0.5 + Math.random() / 2, id: randomUUID() },
      { useBigInt64: true },
    ),
  );
}
