// The authorizer's two broker options, read from the broker's pass-through settings: `authorizer`
// (Kafka's authorizer.class.name being set; off by default, when ACL requests answer
// SECURITY_DISABLED and nothing is enforced) and `superUsers` (Kafka's super.users: principals that
// bypass ACLs, given as a list or as "User:a;User:b" / "User:a,User:b").

export interface AuthorizerSettings {
  enabled: boolean;
  superUsers: ReadonlySet<string>;
}

export function authorizerSettings(settings: Readonly<Record<string, unknown>>): AuthorizerSettings {
  const on = settings.authorizer;
  if (on !== undefined && typeof on !== 'boolean') throw new Error('broker setting authorizer must be true or false');
  return { enabled: on === true, superUsers: new Set(parseSuperUsers(settings.superUsers)) };
}

export function parseSuperUsers(raw: unknown): string[] {
  if (raw === undefined || raw === null) return [];
  const list = typeof raw === 'string' ? raw.split(/[;,]/) : Array.isArray(raw) ? raw : null;
  if (list === null || list.some((p) => typeof p !== 'string')) {
    throw new Error('broker setting superUsers must be a list of principals or "User:a;User:b"');
  }
  const principals = (list as string[]).map((p) => p.trim()).filter((p) => p !== '');
  const bad = principals.find((p) => p.indexOf(':') <= 0);
  if (bad !== undefined) throw new Error(`super user ${bad} is not a principal of the form User:name`);
  return principals;
}
