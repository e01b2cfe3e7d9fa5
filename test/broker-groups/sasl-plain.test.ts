// The PLAIN mechanism's token rules (RFC 4616) and the SASL users option, without a network.
import { describe, expect, it } from 'vitest';
import { authenticatePlain, parseSaslUsers, saslUsers } from '../../lib/broker/sasl';

const users = parseSaslUsers('alice:secret,bob:pa:ss');
const token = (...parts: string[]) => Buffer.from(parts.join('\0'));

describe('SASL/PLAIN', () => {
  it('accepts the right password, with or without the user as authorization id', () => {
    expect(authenticatePlain(users, token('', 'alice', 'secret'))).toEqual({ ok: true, user: 'alice' });
    expect(authenticatePlain(users, token('bob', 'bob', 'pa:ss'))).toEqual({ ok: true, user: 'bob' });
  });

  it('refuses wrong passwords, unknown users, foreign authorization ids and malformed tokens', () => {
    expect(authenticatePlain(users, token('', 'alice', 'Secret'))).toEqual({ ok: false, message: 'Authentication failed: Invalid username or password' });
    expect(authenticatePlain(users, token('', 'mallory', 'secret')).ok).toBe(false);
    expect(authenticatePlain(users, token('bob', 'alice', 'secret')).ok).toBe(false);
    expect(authenticatePlain(users, token('alice', 'secret')).ok).toBe(false);
    expect(authenticatePlain(users, token('', 'alice', '')).ok).toBe(false);
  });

  it('reads users from a string, a Map or an object, and rejects pairs without a password separator', () => {
    expect([...users]).toEqual([['alice', 'secret'], ['bob', 'pa:ss']]);
    expect(saslUsers({ saslUsers: new Map([['x', 'y']]) }).get('x')).toBe('y');
    expect(saslUsers({ saslUsers: { x: 'z' } }).get('x')).toBe('z');
    expect(saslUsers({}).size).toBe(0);
    expect(() => parseSaslUsers('alice')).toThrow(/user:password/);
  });
});
