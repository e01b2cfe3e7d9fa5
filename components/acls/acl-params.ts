// The ACL page's filters in the URL: the API's own query schema, each field falling back to "any"
// when a hand-edited link holds something the API would refuse.
import { z } from 'zod/mini';
import { AclListQuerySchema, type AclListQuery } from '@/lib/schemas/acl';

const s = AclListQuerySchema.shape;
export const AclUrlSchema = z.object({
  principal: z.catch(s.principal, undefined),
  host: z.catch(s.host, undefined),
  resourceType: z.catch(s.resourceType, undefined),
  patternType: z.catch(s.patternType, undefined),
  resourceName: z.catch(s.resourceName, undefined),
  operation: z.catch(s.operation, undefined),
  permission: z.catch(s.permission, undefined),
});

/** The filter the API is asked with (no empty fields, so query keys stay stable). */
export function aclQueryOf(state: z.infer<typeof AclUrlSchema>): AclListQuery {
  return Object.fromEntries(Object.entries(state).filter(([, v]) => v !== undefined && v !== '')) as AclListQuery;
}
