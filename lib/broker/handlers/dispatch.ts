// From request frame to response frame for one node: decode the header, find the handler, enforce the
// version range (ApiVersions at a version we do not serve still gets an answer, in the v0 layout, so
// clients that probe with a newer version fall back), decode the body, run the handler, encode. Any
// throw here closes the connection — that is reserved for frames we cannot parse and requests no
// handler serves; Kafka errors travel inside responses. Responses are encoded as chunks that refer
// to large byte fields instead of copying them; a borrowed response's memory is released once the
// connection has written it. Each request carries the authorizer's view of its principal
// (acl/access.ts), and handlers ask it before touching a resource.
import { accessFor, aclsOf, authorizerSettings } from '../acl';
import { brokerConfigsOf } from '../admin/dynamic-broker-configs';
import { ApiKey, apiName, decodeRequest, decodeRequestHeader, encodeResponseChunks, encodeResponseChunksAround } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import type { ConnectionInfo, Dispatcher, ResponseFrame } from '../network/connection';
import { apiVersionsList, handlerFor } from './registry';
import { BorrowedResponse, EncodedResponse, type BrokerRuntime, type HandlerContext, type RequestHeaderInfo } from './types';

export function createDispatcher(runtime: BrokerRuntime, nodeId: number): Dispatcher {
  // State that must be in force before the first request, read now so a broken file stops the start:
  // the dynamic broker configs (applied to every partition's log) and, with an authorizer, the ACLs.
  brokerConfigsOf(runtime);
  if (authorizerSettings(runtime.settings).enabled) aclsOf(runtime);
  const encode = (header: RequestHeaderInfo, version: number, body: object | EncodedResponse, onWritten?: () => void): ResponseFrame => {
    const chunks =
      body instanceof EncodedResponse
        ? encodeResponseChunksAround(header.apiKey, version, header.correlationId, body.bytes)
        : encodeResponseChunks(header.apiKey, version, header.correlationId, body);
    for (const chunk of chunks) runtime.stats.bytesOut += chunk.length;
    return { chunks, onWritten };
  };
  return (frame: Buffer, conn: ConnectionInfo) => {
    runtime.stats.bytesIn += frame.length + 4;
    const header = readHeader(frame);
    const handler = handlerFor(header.apiKey, header.apiVersion);
    if (!handler) {
      if (header.apiKey === ApiKey.ApiVersions) {
        runtime.stats.countRequest(apiName(header.apiKey), header.apiVersion);
        return encode(header, 0, { errorCode: ErrorCode.UNSUPPORTED_VERSION, apiKeys: apiVersionsList() });
      }
      throw new Error(`no handler for ${safeApiName(header.apiKey)} v${header.apiVersion}`);
    }
    if (!conn.authenticated && !handler.beforeAuth) {
      throw new Error(`${apiName(header.apiKey)} before SASL authentication`);
    }
    const { header: decoded, bodyOffset } = decodeRequestHeader(frame);
    const request = decodeRequest(header.apiKey, header.apiVersion, frame, bodyOffset);
    runtime.stats.countRequest(apiName(header.apiKey), header.apiVersion);
    const ctx: HandlerContext = {
      runtime,
      cluster: runtime.cluster,
      nodeId,
      conn,
      header: { ...header, clientId: decoded.clientId ?? null },
      version: header.apiVersion,
      access: accessFor(runtime, conn),
      now: Date.now,
    };
    const result = handler.handle(request, ctx);
    const finish = (body: unknown): ResponseFrame | null => {
      if (body === null) return null;
      if (body instanceof BorrowedResponse) return encode(header, header.apiVersion, body.body as object, body.release);
      return encode(header, header.apiVersion, body as object);
    };
    return result instanceof Promise ? result.then(finish) : finish(result);
  };
}

/** The fixed-position part of every request header (v0..v2 all start this way). */
function readHeader(frame: Buffer): RequestHeaderInfo {
  if (frame.length < 8) throw new Error(`frame of ${frame.length} bytes is too short for a request header`);
  return {
    apiKey: frame.readInt16BE(0),
    apiVersion: frame.readInt16BE(2),
    correlationId: frame.readInt32BE(4),
    clientId: null,
  };
}

function safeApiName(key: number): string {
  try {
    return apiName(key);
  } catch {
    return `api ${key}`;
  }
}
