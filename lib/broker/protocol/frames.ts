// Whole frames: the request/response headers around a message body. The header version follows from
// the body's: request header v2 for flexible requests (else v1), response header v1 for flexible
// responses (else v0) — except ApiVersions, whose response header is always v0 so that a client that
// probed with a version the broker does not know can still read the answer.

import { apiSchemasFor, isFlexible } from './apis';
import { decodeMessage, encodeMessage } from './codec';
import { requestHeaderSchema, responseHeaderSchema } from './generated/headers';
import { ProtocolError } from './protocol-error';
import { Reader } from './reader';
import type { MessageSchema } from './schema';
import { Writer } from './writer';

const API_VERSIONS_KEY = 18;

export interface RequestHeader {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
}

/** Runs a decoder, turning anything but a ProtocolError it throws into one. */
function guarded<T>(what: string, decode: () => T): T {
  try {
    return decode();
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError(`${what}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function schemaOrThrow(apiKey: number, kind: 'request' | 'response'): MessageSchema {
  const api = apiSchemasFor(apiKey);
  if (!api) throw new ProtocolError(`unknown api key ${apiKey}`);
  return api[kind];
}

function responseHeaderVersion(apiKey: number, apiVersion: number): number {
  return apiKey !== API_VERSIONS_KEY && isFlexible(apiKey, apiVersion, 'response') ? 1 : 0;
}

/** `frame` is the bytes after the int32 size prefix. Throws ProtocolError if unparseable or the key is unknown. */
export function decodeRequestHeader(frame: Buffer): { header: RequestHeader; bodyOffset: number } {
  return guarded('request header', () => {
    const peek = new Reader(frame);
    const apiKey = peek.int16();
    const apiVersion = peek.int16();
    schemaOrThrow(apiKey, 'request');
    const r = new Reader(frame);
    const h = decodeMessage(requestHeaderSchema, isFlexible(apiKey, apiVersion, 'request') ? 2 : 1, r);
    const header: RequestHeader = {
      apiKey,
      apiVersion,
      correlationId: h.correlationId as number,
      clientId: h.clientId as string | null,
    };
    return { header, bodyOffset: r.offset };
  });
}

/** Decodes a request body that starts at `bodyOffset` of `frame`. Throws ProtocolError. */
// `any` by default: the handler names the body type (e.g. decodeRequest<FetchRequest>).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function decodeRequest<T = any>(apiKey: number, apiVersion: number, frame: Buffer, bodyOffset: number): T {
  return guarded('request body', () => {
    const schema = schemaOrThrow(apiKey, 'request');
    return decodeMessage(schema, apiVersion, new Reader(frame, bodyOffset)) as T;
  });
}

/** A whole response frame, int32 size prefix included. */
export function encodeResponse(apiKey: number, apiVersion: number, correlationId: number, body: object): Buffer {
  const schema = schemaOrThrow(apiKey, 'response');
  const w = new Writer();
  w.int32(0);
  encodeMessage(responseHeaderSchema, responseHeaderVersion(apiKey, apiVersion), w, { correlationId });
  encodeMessage(schema, apiVersion, w, body);
  return sizePrefixed(w);
}

/**
 * The same frame as encodeResponse, as chunks to write in order: large byte fields (stored record
 * batches) are referenced, not copied, so a Fetch response costs no copy of its data in user space.
 */
export function encodeResponseChunks(apiKey: number, apiVersion: number, correlationId: number, body: object): Buffer[] {
  const schema = schemaOrThrow(apiKey, 'response');
  const w = new Writer();
  w.int32(0);
  encodeMessage(responseHeaderSchema, responseHeaderVersion(apiKey, apiVersion), w, { correlationId });
  encodeMessage(schema, apiVersion, w, body);
  const size = w.length;
  const chunks = w.finishChunks();
  chunks[0]!.writeInt32BE(size - 4, 0);
  return chunks;
}

/** The same frame around a body a handler wrote itself (already in `apiVersion`'s layout), which is
 * referenced, not copied. */
export function encodeResponseChunksAround(apiKey: number, apiVersion: number, correlationId: number, body: Buffer): Buffer[] {
  const w = new Writer();
  w.int32(0);
  encodeMessage(responseHeaderSchema, responseHeaderVersion(apiKey, apiVersion), w, { correlationId });
  w.raw(body);
  const size = w.length;
  const chunks = w.finishChunks();
  chunks[0]!.writeInt32BE(size - 4, 0);
  return chunks;
}

/** A whole request frame, int32 size prefix included (for tests and tools that play the client). */
export function encodeRequest(
  apiKey: number,
  apiVersion: number,
  correlationId: number,
  clientId: string | null,
  body: object,
): Buffer {
  const schema = schemaOrThrow(apiKey, 'request');
  const w = new Writer();
  w.int32(0);
  const header = { requestApiKey: apiKey, requestApiVersion: apiVersion, correlationId, clientId };
  encodeMessage(requestHeaderSchema, isFlexible(apiKey, apiVersion, 'request') ? 2 : 1, w, header);
  encodeMessage(schema, apiVersion, w, body);
  return sizePrefixed(w);
}

/** `frame` is the bytes after the int32 size prefix. Throws ProtocolError. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function decodeResponse<T = any>(apiKey: number, apiVersion: number, frame: Buffer): { correlationId: number; body: T } {
  return guarded('response', () => {
    const schema = schemaOrThrow(apiKey, 'response');
    const r = new Reader(frame);
    const h = decodeMessage(responseHeaderSchema, responseHeaderVersion(apiKey, apiVersion), r);
    return { correlationId: h.correlationId as number, body: decodeMessage(schema, apiVersion, r) as T };
  });
}

function sizePrefixed(w: Writer): Buffer {
  const frame = w.finish();
  frame.writeInt32BE(frame.length - 4, 0);
  return frame;
}
