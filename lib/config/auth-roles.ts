// The built-in roles. A configured role of the same name replaces one of these; everything else
// (custom roles) is added beside them. viewer reads everything but audit; operator also does the
// day-to-day changes that lose no data; admin may do everything, and sees masked fields in clear.
import 'server-only';
import type { Grant } from '../schemas/permissions';

export interface Role {
  name: string;
  grants: Grant[];
}

const everywhere = { clusters: ['*'], resources: ['*'] };

const VIEWER: Grant[] = [{ actions: ['topic:view', 'messages:read', 'group:view', 'schema:view', 'acl:view'], ...everywhere }];

export const BUILT_IN_ROLES: Record<string, Role> = {
  viewer: { name: 'viewer', grants: VIEWER },
  operator: {
    name: 'operator',
    grants: [...VIEWER, { actions: ['topic:create', 'topic:edit-config', 'messages:produce', 'group:reset', 'schema:edit'], ...everywhere }],
  },
  admin: { name: 'admin', grants: [{ actions: ['*'], ...everywhere }] },
};

/** The role auth none gives everyone: it changes nothing of today's behaviour. */
export const OPEN_ACCESS_ROLE = 'admin';
