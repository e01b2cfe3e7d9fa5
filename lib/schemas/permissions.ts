// Who may do what, as values: the actions a role can grant, a grant (actions on clusters and on
// resource names matched by glob or regex patterns), and the one function that decides. Pure and
// shared: the server enforces with it (lib/http/route-permissions.ts) and the browser hides controls
// with the same answer (GET /api/me hands the user's grants over), so the two cannot disagree.
// Everything not granted is refused: no grant matches means no.
import './zod-csp';
import { z } from 'zod/mini';

export const ACTIONS = [
  'topic:view',
  'topic:create',
  'topic:edit-config',
  'topic:delete',
  'records:delete',
  'messages:read',
  'messages:produce',
  'group:view',
  'group:reset',
  'group:delete',
  'schema:view',
  'schema:edit',
  'acl:view',
  'acl:edit',
  'audit:view',
] as const;
export const ActionSchema = z.enum(ACTIONS);
export type Action = z.infer<typeof ActionSchema>;

/** What an action's resource name is the name of. Audit entries belong to a cluster, not a name. */
export const RESOURCE_OF: Record<Action, 'topic' | 'group' | 'subject' | 'acl' | 'cluster'> = {
  'topic:view': 'topic',
  'topic:create': 'topic',
  'topic:edit-config': 'topic',
  'topic:delete': 'topic',
  'records:delete': 'topic',
  'messages:read': 'topic',
  'messages:produce': 'topic',
  'group:view': 'group',
  'group:reset': 'group',
  'group:delete': 'group',
  'schema:view': 'subject',
  'schema:edit': 'subject',
  'acl:view': 'acl',
  'acl:edit': 'acl',
  'audit:view': 'cluster',
};

/** `*` (all), `topic:*` (every action of a kind) or one action. */
export const ActionPatternSchema = z.string().check(
  z.refine((s) => s === '*' || (ACTIONS as readonly string[]).includes(s) || ACTIONS.some((a) => s === `${a.split(':')[0]}:*`), {
    error: `must be an action (${ACTIONS.join(', ')}), a kind with :* (topic:*) or *`,
  }),
);

/** A name pattern: `/regex/` (anchored, whole name) or a glob where `*` is any run of characters and
 * `?` one character (`payments.*` is then "payments." followed by anything). */
export const NamePatternSchema = z.string().check(
  z.minLength(1),
  z.maxLength(500),
  z.refine(
    (p) => {
      if (!isRegex(p)) return true;
      try {
        new RegExp(p.slice(1, -1));
        return true;
      } catch {
        return false;
      }
    },
    { error: 'is not a valid pattern (a glob, or a regular expression between slashes)' },
  ),
);

export const GrantSchema = z.strictObject({
  actions: z.array(ActionPatternSchema).check(z.minLength(1)),
  /** Cluster name patterns; absent: every cluster. */
  clusters: z._default(z.array(NamePatternSchema), ['*']),
  /** Resource name patterns (topic, group, subject); absent: every name. */
  resources: z._default(z.array(NamePatternSchema), ['*']),
});
export type Grant = z.infer<typeof GrantSchema>;

function isRegex(p: string): boolean {
  return p.length >= 2 && p.startsWith('/') && p.endsWith('/');
}

const compiled = new Map<string, RegExp>();
/** The pattern as an anchored regular expression (cached: patterns come from configuration). */
function patternRegex(p: string): RegExp {
  let re = compiled.get(p);
  if (!re) {
    const source = isRegex(p)
      ? `^(?:${p.slice(1, -1)})$`
      : `^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`;
    re = new RegExp(source, 's');
    compiled.set(p, re);
  }
  return re;
}

export function matchesPattern(pattern: string, name: string): boolean {
  return pattern === '*' || patternRegex(pattern).test(name);
}

function actionMatches(pattern: string, action: Action): boolean {
  return pattern === '*' || pattern === action || (pattern.endsWith(':*') && action.startsWith(pattern.slice(0, -1)));
}

/** Whether the grants allow `action` on `cluster` and, when given, on the resource `name`. With no
 * name (a list, a create whose name is not known yet): whether some resource of the cluster may be. */
export function grants(list: readonly Grant[], action: Action, cluster: string, name?: string): boolean {
  return list.some(
    (g) =>
      g.actions.some((a) => actionMatches(a, action)) &&
      g.clusters.some((c) => matchesPattern(c, cluster)) &&
      (name === undefined || g.resources.some((r) => matchesPattern(r, name))),
  );
}

/** POST /api/auth/login. */
export const LoginRequestSchema = z.object({
  user: z.string().check(z.minLength(1), z.maxLength(200)),
  password: z.string().check(z.minLength(1), z.maxLength(1000)),
});

/** What GET /api/me answers: who is asking, how they logged in, and what they may do. */
export const MeSchema = z.object({
  /** null: nobody is logged in (auth none: every action is granted). */
  user: z.nullable(z.string()),
  auth: z.enum(['none', 'users', 'oidc']),
  /** Auth none on a console reachable beyond this machine: shown as a badge. */
  openAccess: z.boolean(),
  roles: z.array(z.string()),
  grants: z.array(GrantSchema),
});
export type Me = z.infer<typeof MeSchema>;
