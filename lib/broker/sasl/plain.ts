// The PLAIN mechanism (RFC 4616): one message "authzid NUL authcid NUL password", checked against the
// configured users in constant time. An authorization id other than the user's own is refused, as
// Kafka's PlainServer does.
import { timingSafeEqual } from 'node:crypto';
import type { SaslUsers } from './users';

export type PlainResult = { ok: true; user: string } | { ok: false; message: string };

export function authenticatePlain(users: SaslUsers, token: Buffer): PlainResult {
  const parts = token.toString('utf8').split('\0');
  if (parts.length !== 3) return { ok: false, message: 'Invalid SASL/PLAIN response: expected 3 tokens' };
  const [authzid, user, password] = parts as [string, string, string];
  if (user === '') return { ok: false, message: 'Authentication failed: username not specified' };
  if (password === '') return { ok: false, message: 'Authentication failed: password not specified' };
  if (authzid !== '' && authzid !== user) {
    return { ok: false, message: 'Authentication failed: Client requested an authorization id that is different from username' };
  }
  const expected = users.get(user);
  if (expected === undefined || !sameSecret(expected, password)) {
    return { ok: false, message: 'Authentication failed: Invalid username or password' };
  }
  return { ok: true, user };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
