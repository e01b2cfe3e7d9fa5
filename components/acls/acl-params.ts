// The ACL page's filters in the URL: the API's own query schema, each field falling back to "any"
// when a hand-edited link holds something the API would refuse.
import { z } from 'zod';
import { AclListQuerySchema, type AclListQuery } from '@/lib/schemas/acl';

const s = AclListQuerySchema.shape;
export const AclUrlSchema = z.object({
  principal: s.principal.catch(undefined),
  host: s.host.catch(undefined),
  resourceType: s.resourceType.catch(undefined),
  patternType: s.patternType.catch(undefined),
  resourceName: s.resourceName.catch(undefined),
  operation: s.operation.catch(undefined),
  permission: s.permission.catch(undefined),
});

/** The filter the API is asked with (no empty fields, so query keys stay stable). */
export function aclQueryOf(state: z.infer<typeof AclUrlSchema>): AclListQuery {
  return Object.fromEntries(Object.entries(state).filter(([, v]) => v !== undefined && v !== '')) as AclListQuery;
}
