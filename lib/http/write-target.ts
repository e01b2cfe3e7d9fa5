// A request that reads one cluster and writes another (replay): the cluster in the URL is only
// read, so its own switches do not apply; the target's do. The request must still come from the
// console's own origin with a JSON body, like every mutation (route.ts), and the target cluster
// must allow producing: read-only, or MESSAGE_SEND_ENABLED off, is a 403 naming the cluster.
import 'server-only';
import { SWITCH_VARIABLES, currentConsoleConfig, type ClusterConfig } from '../config';
import { clusterConfig } from '../kafka/connection/registry';
import { assertJsonBody, assertSameOrigin } from './guard';
import { forbidden } from './problem';

export function assertWriteRequest(request: Request): void {
  assertSameOrigin(request, currentConsoleConfig().edge.allowedOrigins);
  assertJsonBody(request);
}

/** The target cluster's configuration, when it may be produced to (else 404 or 403). */
export function producibleCluster(name: string): ClusterConfig {
  const target = clusterConfig(name);
  if (target.switches.readOnly) throw forbidden(`Cluster "${target.name}" is read-only in this Kafscope: nothing can be replayed to it.`);
  if (!target.switches.messageSend) {
    const spec = SWITCH_VARIABLES.messageSend;
    throw forbidden(`Permission to ${spec.meaning} on cluster "${target.name}" is disabled by configuration (${spec.variable}): nothing can be replayed to it.`);
  }
  return target;
}
