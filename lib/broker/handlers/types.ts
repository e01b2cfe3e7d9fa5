// What a handler file is and what it gets to work with. A handler serves one API key over a range of
// versions; the registry collects them, and that list is also the ApiVersions answer. Handlers see
// the shared cluster model, the node and connection the request arrived on, and the broker runtime
// (options, stats, and lazily created per-broker services such as a group coordinator), and what the
// request's principal may do (with no authorizer configured, everything).
import type { Access } from '../acl/access';
import type { Cluster } from '../cluster/cluster';
import type { BrokerStats } from '../metrics';
import type { ConnectionInfo } from '../network/connection';

export interface RequestHeaderInfo {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
}

/** A per-broker service a handler family creates on first use; a close() it has runs at broker close. */
export type BrokerService = object & { close?(): void | Promise<void> };

export interface BrokerRuntime {
  readonly cluster: Cluster;
  readonly stats: BrokerStats;
  readonly log: (line: string) => void;
  /** Broker-wide settings handlers may consult (SASL users, group timing...), by name. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** The per-broker singleton `name`, created by `create` on first use. */
  service<T extends object>(name: string, create: (runtime: BrokerRuntime) => T): T;
}

export interface HandlerContext {
  readonly runtime: BrokerRuntime;
  readonly cluster: Cluster;
  /** The node the request was sent to. */
  readonly nodeId: number;
  readonly conn: ConnectionInfo;
  readonly header: RequestHeaderInfo;
  readonly version: number;
  /** The authorizer's answers for this request's principal (allows everything when it is off). */
  readonly access: Access;
  now(): number;
}

/**
 * A response body holding byte fields that point into borrowed memory (Fetch records read into
 * pooled buffers). The dispatcher sends those bytes without copying them and calls `release` once
 * the socket has written the whole response, never before.
 */
export class BorrowedResponse<Res> {
  constructor(
    readonly body: Res,
    readonly release: () => void,
  ) {}
}

/** A response body the handler has already written in the request's version (metadata-encode.ts:
 * a Metadata answer for every topic is too large to go through response objects). */
export class EncodedResponse {
  constructor(readonly bytes: Buffer) {}
}

/** What handle() may return: a response body (possibly borrowed or already encoded), or null for no
 * response at all (acks=0 Produce). */
export type HandlerResult<Res> = Res | BorrowedResponse<Res> | EncodedResponse | null | Promise<Res | BorrowedResponse<Res> | EncodedResponse | null>;

export interface Handler<Req = unknown, Res = unknown> {
  readonly key: number;
  readonly min: number;
  readonly max: number;
  /** Served before SASL authentication completes (ApiVersions, SaslHandshake, SaslAuthenticate). */
  readonly beforeAuth?: boolean;
  handle(request: Req, ctx: HandlerContext): HandlerResult<Res>;
}

export function defineHandler<Req, Res>(handler: Handler<Req, Res>): Handler<Req, Res> {
  return handler;
}
