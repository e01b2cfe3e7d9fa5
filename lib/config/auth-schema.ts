// The shape of the auth settings, one schema for both ways of giving them: the `auth:` block of the
// configuration file, and the JSON in KAFSCOPE_ROLES / KAFSCOPE_MASKING. Strict at every level, so a
// misspelt key (grant instead of grants) is an error, not a role that silently grants nothing.
import 'server-only';
import { z } from 'zod';
import { GrantSchema, NamePatternSchema } from '../schemas/permissions';

export const ROLE_NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
export const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,127}$/;
const RoleName = z.string().regex(ROLE_NAME, { error: 'must be a role name: a-z, 0-9, _ . -, up to 64 characters' });

export const RoleSchema = z.strictObject({ grants: z.array(GrantSchema) });
export const RolesSchema = z.record(RoleName, RoleSchema);

export const MaskRuleSchema = z.strictObject({
  /** Cluster name patterns; absent: every cluster. */
  clusters: z.array(NamePatternSchema).default(['*']),
  topics: z.array(NamePatternSchema).min(1),
  /** JSON field names, masked wherever they occur in a decoded value or key. */
  fields: z.array(z.string().min(1).max(200)).min(1),
  /** Roles that see these fields in clear; absent: admin only. */
  unmaskedRoles: z.array(RoleName).default(['admin']),
});
export const MaskingSchema = z.array(MaskRuleSchema);

export const FileUserSchema = z.strictObject({
  name: z.string().regex(USER_NAME, { error: 'must be a user name: letters, digits, _ . @ -' }),
  passwordHash: z.string(),
  roles: z.array(RoleName).min(1),
});

export const OidcSchema = z.strictObject({
  issuer: z.string(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1).optional(),
  scopes: z.string().default('openid profile email'),
  groupsClaim: z.string().min(1).default('groups'),
  /** Group name -> roles. */
  groupRoles: z.record(z.string(), z.array(RoleName)).default({}),
  /** Roles every OIDC user gets, whatever their groups. */
  defaultRoles: z.array(RoleName).default([]),
});

export const AuthFileSchema = z.strictObject({
  mode: z.enum(['none', 'users', 'oidc']).optional(),
  users: z.array(FileUserSchema).optional(),
  roles: RolesSchema.optional(),
  masking: MaskingSchema.optional(),
  oidc: OidcSchema.optional(),
});
export type AuthFile = z.infer<typeof AuthFileSchema>;
