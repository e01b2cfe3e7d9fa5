// Password hashes for built-in users: scrypt from node:crypto with a random 16-byte salt, written as
// one string that carries its own parameters, `scrypt.N.r.p.<salt>.<hash>` (base64url, no `$` or
// `:`, so it survives shells, compose files and KAFSCOPE_USERS's `name:hash:roles` unquoted). A hash
// made with other parameters still verifies; `npm run hash-password` makes new ones.
import 'server-only';
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const DEFAULTS = { N: 16_384, r: 8, p: 1 };
const KEY_BYTES = 32;
const SHAPE = /^scrypt\.(\d{1,8})\.(\d{1,3})\.(\d{1,3})\.([A-Za-z0-9_-]{16,128})\.([A-Za-z0-9_-]{32,128})$/;

export interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

/** null when the text is not a hash this module made (or its parameters are unreasonable). */
export function parsePasswordHash(text: string): ParsedHash | null {
  const m = SHAPE.exec(text);
  if (!m) return null;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // N a power of two; memory (128 * N * r) at most 256 MB, so a hash cannot stall the server.
  if (N < 2 || (N & (N - 1)) !== 0 || r < 1 || p < 1 || p > 16 || 128 * N * r > 256 * 1024 * 1024) return null;
  return { N, r, p, salt: Buffer.from(m[4]!, 'base64url'), key: Buffer.from(m[5]!, 'base64url') };
}

function derive(password: string, salt: Buffer, bytes: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, bytes, { ...options, maxmem: 300 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, KEY_BYTES, DEFAULTS);
  return `scrypt.${DEFAULTS.N}.${DEFAULTS.r}.${DEFAULTS.p}.${salt.toString('base64url')}.${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, hash: ParsedHash): Promise<boolean> {
  const key = await derive(password, hash.salt, hash.key.length, { N: hash.N, r: hash.r, p: hash.p });
  return timingSafeEqual(key, hash.key);
}

/** A hash to verify against when the user does not exist, so an unknown name costs the same time. */
let decoy: Promise<ParsedHash> | null = null;
export function decoyHash(): Promise<ParsedHash> {
  decoy ??= hashPassword(randomBytes(12).toString('hex')).then((h) => parsePasswordHash(h)!);
  return decoy;
}
