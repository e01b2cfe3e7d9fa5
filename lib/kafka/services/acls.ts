// ACL bindings of a cluster: list with Kafka's own filter, create, and delete exact bindings.
// Listing goes through the interactive lane as a raw DescribeAcls (raw-requests.ts), so a cluster
// without an authorizer — Kafka answers SECURITY_DISABLED — is reported as "ACLs are not enabled"
// instead of failing the page or passing for an empty list. Creating and deleting go through the
// kafkajs admin on the writes budget. Deleting takes whole bindings, each sent as a filter that
// matches only itself (no ANY anywhere), so a request can never remove more than it names.
import 'server-only';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } from 'kafkajs';
import type { AclBinding, AclList, AclListQuery } from '../../schemas/acl';
import { errorName } from '../../common/kafka-error-codes';
import { conflict, DomainError, fromErrorCode, unavailable } from '../errors';
import type { ClusterClients } from '../connection/clients';
import { describeAclsOn, type DescribeAclsFilter } from '../connection/raw-requests';
import { controllerOrAnyLive, loadMetadata } from '../reading/metadata';
import { brokerOn } from '../reading/reader-broker';

export const ACLS_DISABLED = 'ACLs are not enabled on this cluster';

/** Kafka's codes of each name the DTOs use (kafkajs' enums carry Kafka's numbers). */
const RESOURCE: Record<AclBinding['resourceType'], number> = {
  TOPIC: AclResourceTypes.TOPIC,
  GROUP: AclResourceTypes.GROUP,
  CLUSTER: AclResourceTypes.CLUSTER,
  TRANSACTIONAL_ID: AclResourceTypes.TRANSACTIONAL_ID,
  DELEGATION_TOKEN: AclResourceTypes.DELEGATION_TOKEN,
};
const PATTERN = { LITERAL: ResourcePatternTypes.LITERAL, PREFIXED: ResourcePatternTypes.PREFIXED, MATCH: ResourcePatternTypes.MATCH } as const;
const OPERATION: Record<AclBinding['operation'], number> = {
  ALL: AclOperationTypes.ALL,
  READ: AclOperationTypes.READ,
  WRITE: AclOperationTypes.WRITE,
  CREATE: AclOperationTypes.CREATE,
  DELETE: AclOperationTypes.DELETE,
  ALTER: AclOperationTypes.ALTER,
  DESCRIBE: AclOperationTypes.DESCRIBE,
  CLUSTER_ACTION: AclOperationTypes.CLUSTER_ACTION,
  DESCRIBE_CONFIGS: AclOperationTypes.DESCRIBE_CONFIGS,
  ALTER_CONFIGS: AclOperationTypes.ALTER_CONFIGS,
  IDEMPOTENT_WRITE: AclOperationTypes.IDEMPOTENT_WRITE,
};
const PERMISSION: Record<AclBinding['permission'], number> = { ALLOW: AclPermissionTypes.ALLOW, DENY: AclPermissionTypes.DENY };

function nameOf<K extends string>(table: Record<K, number>, code: number): K | undefined {
  return (Object.keys(table) as K[]).find((k) => table[k] === code);
}

function filterOf(q: AclListQuery): DescribeAclsFilter {
  return {
    resourceType: q.resourceType ? RESOURCE[q.resourceType] : AclResourceTypes.ANY,
    resourceName: q.resourceName ?? null,
    resourcePatternType: q.patternType ? PATTERN[q.patternType] : ResourcePatternTypes.ANY,
    principal: q.principal ?? null,
    host: q.host ?? null,
    operation: q.operation ? OPERATION[q.operation] : AclOperationTypes.ANY,
    permissionType: q.permission ? PERMISSION[q.permission] : AclPermissionTypes.ANY,
  };
}

/** The Kafka form of one binding, for createAcls and as a filter matching exactly it. */
function entryOf(b: AclBinding) {
  return {
    resourceType: RESOURCE[b.resourceType],
    resourceName: b.resourceName,
    resourcePatternType: PATTERN[b.patternType],
    principal: b.principal,
    host: b.host,
    operation: OPERATION[b.operation],
    permissionType: PERMISSION[b.permission],
  };
}

interface RawBinding {
  resourceType: number;
  resourceName: string;
  resourcePatternType?: number;
  principal: string;
  host: string;
  operation: number;
  permissionType: number;
}

/** A binding as Kafka reported it, or null for codes this console has no name for (a newer Kafka's). */
function bindingOf(r: RawBinding): AclBinding | null {
  const resourceType = nameOf(RESOURCE, r.resourceType);
  const patternType = r.resourcePatternType === undefined ? 'LITERAL' : nameOf({ LITERAL: PATTERN.LITERAL, PREFIXED: PATTERN.PREFIXED }, r.resourcePatternType);
  const operation = nameOf(OPERATION, r.operation);
  const permission = nameOf(PERMISSION, r.permissionType);
  if (!resourceType || !patternType || !operation || !permission) return null;
  return { resourceType, resourceName: r.resourceName, patternType, principal: r.principal, host: r.host, operation, permission };
}

const order = (a: AclBinding, b: AclBinding) =>
  a.resourceType.localeCompare(b.resourceType) ||
  a.resourceName.localeCompare(b.resourceName) ||
  a.principal.localeCompare(b.principal) ||
  a.operation.localeCompare(b.operation) ||
  a.permission.localeCompare(b.permission) ||
  a.host.localeCompare(b.host);

export async function listAcls(clients: ClusterClients, q: AclListQuery): Promise<AclList> {
  const target = controllerOrAnyLive(await loadMetadata(clients));
  if (target === undefined) throw unavailable('No broker of the cluster is reachable.');
  const answer = await clients.lanes.interactive.run(async (cluster) => describeAclsOn(await brokerOn(cluster, target), filterOf(q)));
  if (errorName(answer.errorCode) === 'SECURITY_DISABLED') {
    return { enabled: false, message: answer.errorMessage || 'The cluster has no authorizer configured.', items: [] };
  }
  if (answer.errorCode !== 0) throw fromErrorCode(answer.errorCode, answer.errorMessage || undefined);
  const items: AclBinding[] = [];
  for (const r of answer.resources) {
    for (const acl of r.acls) {
      const b = bindingOf({ ...acl, resourceType: r.resourceType, resourceName: r.resourceName, resourcePatternType: r.resourcePatternType });
      if (b) items.push(b);
    }
  }
  return { enabled: true, message: null, items: items.sort(order) };
}

/** SECURITY_DISABLED on a change is the cluster's configuration, not a Kafka failure: 409. */
async function aclWrite<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof DomainError && err.details.kafkaError === 'SECURITY_DISABLED') {
      throw conflict(`${ACLS_DISABLED} (no authorizer is configured on its brokers).`, 'SECURITY_DISABLED');
    }
    throw err;
  }
}

export async function createAcls(clients: ClusterClients, bindings: AclBinding[]): Promise<{ created: AclBinding[] }> {
  await aclWrite(() => clients.writes.admin((admin) => admin.createAcls({ acl: bindings.map(entryOf) })));
  return { created: bindings };
}

export async function deleteAcls(clients: ClusterClients, bindings: AclBinding[]): Promise<{ deleted: AclBinding[] }> {
  const answer = await aclWrite(() => clients.writes.admin((admin) => admin.deleteAcls({ filters: bindings.map(entryOf) })));
  const deleted: AclBinding[] = [];
  for (const f of answer.filterResponses) {
    for (const m of f.matchingAcls) {
      const b = bindingOf(m);
      if (b) deleted.push(b);
    }
  }
  return { deleted: deleted.sort(order) };
}
