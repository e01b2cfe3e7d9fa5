// Plausible demo payloads. Deterministic where it helps (seeded ticks walk from fixed prices) and
// random where liveliness matters; nothing here touches the network.
import { randomBytes, randomUUID } from 'node:crypto';
import { TICKERS } from './catalog';

const BASE_PRICE: Record<string, number> = {
  MSFT: 421.1, META: 563.4, SPOT: 342.6, NET: 88.4, ADBE: 512.3, UBER: 71.9,
  AAPL: 228.5, GOOG: 171.3, NFLX: 701.8, AMD: 152.7, AMZN: 186.9, NVDA: 131.2,
};
const last = new Map<string, number>(Object.entries(BASE_PRICE));

export interface PriceTick {
  ticker: string;
  price: number;
  bid: number;
  ask: number;
  volume: number;
  currency: 'USD';
  ts: string;
}

export function nextTick(now = Date.now()): PriceTick {
  const ticker = TICKERS[Math.floor(Math.random() * TICKERS.length)]!;
  const prev = last.get(ticker) ?? 100;
  const price = Math.max(1, +(prev * (1 + (Math.random() - 0.5) * 0.004)).toFixed(2));
  last.set(ticker, price);
  const spread = +(price * 0.0002).toFixed(2) || 0.01;
  return {
    ticker, price, bid: +(price - spread).toFixed(2), ask: +(price + spread).toFixed(2),
    volume: 100 * (1 + Math.floor(Math.random() * 50)), currency: 'USD', ts: new Date(now).toISOString(),
  };
}

export function orderFor(tick: PriceTick, strategy: string) {
  return {
    orderId: randomUUID(),
    strategy,
    ticker: tick.ticker,
    side: Math.random() < 0.5 ? 'BUY' : 'SELL',
    quantity: 10 * (1 + Math.floor(Math.random() * 20)),
    limitPrice: tick.price,
    createdAt: new Date().toISOString(),
  };
}

const SERVICES = ['checkout', 'payments', 'inventory', 'shipping', 'auth'];
const LEVELS = ['INFO', 'INFO', 'INFO', 'WARN', 'DEBUG', 'ERROR'];
const EVENTS = ['request handled', 'cache miss', 'retrying call', 'connection pool at 80%', 'user signed in', 'timeout calling upstream'];

export function logLine(now = Date.now()): { key: string; value: string } {
  const service = SERVICES[Math.floor(Math.random() * SERVICES.length)]!;
  const level = LEVELS[Math.floor(Math.random() * LEVELS.length)]!;
  const event = EVENTS[Math.floor(Math.random() * EVENTS.length)]!;
  const ms = 5 + Math.floor(Math.random() * 400);
  return { key: service, value: `${new Date(now).toISOString()} ${level.padEnd(5)} [${service}] ${event} in ${ms} ms` };
}

/** A binary sensor frame: a fixed 0xCA 0xFE header (not valid UTF-8), a sensor id and readings. */
export function sensorFrame(sensor: number): Buffer {
  const frame = Buffer.alloc(4 + 2 + 8 + 16);
  frame.writeUInt32BE(0xcafef00d, 0);
  frame.writeUInt16BE(sensor, 4);
  frame.writeBigInt64BE(BigInt(Date.now()), 6);
  randomBytes(16).copy(frame, 14);
  return frame;
}

export function auditEvent(): { value: string; headers: Record<string, string> } {
  const actions = ['user.login', 'user.logout', 'role.granted', 'api-key.created', 'settings.changed'];
  const action = actions[Math.floor(Math.random() * actions.length)]!;
  return {
    value: JSON.stringify({ action, actor: `user-${1 + Math.floor(Math.random() * 40)}`, at: new Date().toISOString() }),
    headers: {
      'trace-id': randomUUID().replaceAll('-', ''),
      source: 'identity-service',
      'content-type': 'application/json',
      'schema-version': '3',
    },
  };
}

export function userProfile(userId: number, version: number) {
  const plans = ['free', 'team', 'business', 'enterprise'];
  return {
    userId: `user-${userId}`,
    email: `user${userId}@example.com`,
    plan: plans[(userId + version) % plans.length],
    version,
    updatedAt: new Date().toISOString(),
  };
}

export function click(n: number) {
  const pages = ['/', '/pricing', '/docs', '/signup', '/blog/kafka-lag', '/checkout'];
  return JSON.stringify({ session: `s-${n % 97}`, page: pages[n % pages.length], n, padding: 'x'.repeat(120) });
}
