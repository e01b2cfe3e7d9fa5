// Who may log in: the SASL/PLAIN users from the `--sasl-users alice:secret,...` flag or the broker's
// `settings.saslUsers` (a Map, a plain object, or the same "user:password,..." string). While there
// is at least one user, SASL is required on every connection.

export type SaslUsers = ReadonlyMap<string, string>;

export function parseSaslUsers(spec: string): Map<string, string> {
  const users = new Map<string, string>();
  for (const pair of spec.split(',')) {
    if (pair.trim() === '') continue;
    const i = pair.indexOf(':');
    if (i <= 0) throw new Error(`SASL users are user:password pairs, got "${pair}"`);
    users.set(pair.slice(0, i), pair.slice(i + 1));
  }
  return users;
}

export function saslUsers(settings: Readonly<Record<string, unknown>>): SaslUsers {
  const raw = settings.saslUsers;
  if (raw === undefined || raw === null) return new Map();
  if (raw instanceof Map) return raw as SaslUsers;
  if (typeof raw === 'string') return parseSaslUsers(raw);
  if (typeof raw === 'object') return new Map(Object.entries(raw as Record<string, string>));
  throw new Error('settings.saslUsers must be a Map, an object or "user:password,..."');
}

/** The mechanisms the broker offers: PLAIN when users are configured, none otherwise. */
export function saslMechanisms(settings: Readonly<Record<string, unknown>>): string[] {
  return saslUsers(settings).size > 0 ? ['PLAIN'] : [];
}

export function saslRequired(settings: Readonly<Record<string, unknown>>): boolean {
  return saslUsers(settings).size > 0;
}
