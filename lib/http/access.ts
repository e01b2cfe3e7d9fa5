// What the asker of one request may do: built by the route wrapper from the route table's check
// (route-permissions.ts) and handed to the handler, which uses it to filter lists (visibility), to
// ask for a permission only the handler can know it needs (lowering retention needs records:delete),
// and to mask message fields (masker).
import 'server-only';
import type { AuthConfig } from '../config/auth';
import type { Principal } from '../auth/principal';
import { maskerFor, type Masker } from '../decode/masking';
import type { Visibility } from '../kafka/visibility';
import { grants, matchesPattern, type Action } from '../schemas/permissions';
import { HttpProblem } from './problem';

export const permissionDenied = (action: Action, cluster: string | null, name?: string, why?: string) =>
  new HttpProblem(
    403,
    'Forbidden',
    `You lack the permission ${action}${name !== undefined ? ` on "${name}"` : ''}${cluster ? ` in cluster "${cluster}"` : ''}.${why ? ` ${why}` : ''}`,
    { permission: action },
  );

export class Access {
  constructor(
    readonly principal: Principal,
    readonly cluster: string | null,
    private readonly auth: AuthConfig,
  ) {}

  /** On a named resource, or (no name) on some resource of the cluster. */
  can(action: Action, name?: string): boolean {
    if (this.cluster === null) return false;
    return grants(this.principal.grants, action, this.cluster, name);
  }

  /** `why`: for a permission the route table does not name, the reason it is needed. */
  require(action: Action, name?: string, why?: string): void {
    if (!this.can(action, name)) throw permissionDenied(action, this.cluster, name, why);
  }

  /** The same for another cluster (a replay's target). */
  requireIn(cluster: string, action: Action, name: string, why?: string): void {
    if (!grants(this.principal.grants, action, cluster, name)) throw permissionDenied(action, cluster, name, why);
  }

  /** Topics and groups the asker may view, for the services' lists. */
  visibility(): Visibility {
    return {
      topic: (n) => this.can('topic:view', n),
      group: (n) => this.can('group:view', n),
      key: `${this.principal.roles.join('+')}@${this.cluster}`,
    };
  }

  /** The fields masked for this asker on `topic`, as a function over messages; null: none. */
  masker(topic: string): Masker | null {
    if (this.cluster === null) return null;
    const fields = new Set<string>();
    for (const rule of this.auth.masking) {
      if (!rule.clusters.some((c) => matchesPattern(c, this.cluster!))) continue;
      if (!rule.topics.some((t) => matchesPattern(t, topic))) continue;
      if (rule.unmaskedRoles.some((r) => this.principal.roles.includes(r))) continue;
      for (const f of rule.fields) fields.add(f);
    }
    return maskerFor(fields);
  }
}

/** Export and replay hand records on in full: an asker who sees a topic masked may not. */
export function requireClearData(access: Access, topic: string, what: 'export' | 'replay'): void {
  if (access.masker(topic)) {
    throw new HttpProblem(403, 'Forbidden', `Values of "${topic}" are masked for you, and ${what === 'export' ? 'an export' : 'a replay'} would hand them on in full.`, { permission: 'messages:read' });
  }
}
