// The audit page's reading: entries of the clusters the reader may audit (audit:view is granted per
// cluster); entries without a cluster (sign-ins, sign-outs) only to whoever may audit every cluster.
import 'server-only';
import { readAuditEntries } from '../../audit/audit-log';
import { currentConsoleConfig } from '../../config';
import type { AuditList, AuditQuery } from '../../schemas/audit';
import { grants } from '../../schemas/permissions';
import type { Access } from '../access';

export function readAuditTrail(access: Access, q: AuditQuery): AuditList {
  const config = currentConsoleConfig();
  const may = (cluster: string) => grants(access.principal.grants, 'audit:view', cluster);
  const all = config.clusters.every((c) => may(c.name));
  return { entries: readAuditEntries(config.audit, q, (cluster) => (cluster === null ? all : may(cluster))) };
}
