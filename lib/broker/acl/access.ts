// What handlers ask: "may this request's principal do X to resource Y?". One Access per request,
// made by the dispatcher: with no authorizer it allows everything at no cost; with one, the
// principal is the connection's SASL user as `User:<name>` (or User:ANONYMOUS) and the host its IP
// address, and each question goes to the pure decision in authorize.ts over the broker's ACLs.
// Refusals the client is told about are logged once each; resources a request merely skips (topics
// left out of an all-topics Metadata answer) are not.
import type { BrokerRuntime } from '../handlers/types';
import type { ConnectionInfo } from '../network/connection';
import { authorize, authorizeAnyOfType } from './authorize';
import { authorizerSettings } from './settings';
import { AclStore } from './store';
import { ANONYMOUS_PRINCIPAL, AclOperation, AclResourceType, codeName } from './types';

export interface Access {
  /** Whether an authorizer runs (ACL requests are served; otherwise they answer SECURITY_DISABLED). */
  readonly enabled: boolean;
  readonly principal: string;
  /** `quiet`: a refusal that only hides the resource, not worth a log line. */
  allows(operation: number, resourceType: number, resourceName: string, quiet?: boolean): boolean;
  /** Whether some resource of the type allows the operation (InitProducerId: WRITE on any topic). */
  allowsAnyOfType(operation: number, resourceType: number): boolean;
}

const OPEN: Access = {
  enabled: false,
  principal: ANONYMOUS_PRINCIPAL,
  allows: () => true,
  allowsAnyOfType: () => true,
};

/** The broker's ACL store, loaded on first use. */
export function aclsOf(runtime: BrokerRuntime): AclStore {
  return runtime.service('acls', (rt) => new AclStore(rt.cluster.store));
}

/** A connection's client address as Kafka's ACLs name hosts ("127.0.0.1", without the port). */
export function clientAddress(remote: string): string {
  const i = remote.lastIndexOf(':');
  const address = i > 0 ? remote.slice(0, i) : remote;
  return address.replace(/^::ffff:/, '').replace(/^\[(.*)\]$/, '$1');
}

export function accessFor(runtime: BrokerRuntime, conn: ConnectionInfo): Access {
  const settings = runtime.service('authorizer-settings', (rt) => authorizerSettings(rt.settings));
  if (!settings.enabled) return OPEN;
  const principal = conn.principal === null ? ANONYMOUS_PRINCIPAL : `User:${conn.principal}`;
  const host = clientAddress(conn.remote);
  const acls = aclsOf(runtime);
  return {
    enabled: true,
    principal,
    allows(operation, resourceType, resourceName, quiet = false) {
      const ok = authorize(acls.all(), { principal, host, operation, resourceType, resourceName }, settings.superUsers);
      if (!ok && !quiet) {
        runtime.log(
          `authorizer: DENIED ${principal} from ${host} ${codeName(AclOperation, operation)} on ` +
            `${codeName(AclResourceType, resourceType)}:${resourceName}`,
        );
      }
      return ok;
    },
    allowsAnyOfType(operation, resourceType) {
      return authorizeAnyOfType(acls.all(), { principal, host, operation, resourceType }, settings.superUsers);
    },
  };
}
