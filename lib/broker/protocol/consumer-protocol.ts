// The `consumer` embedded protocol: the opaque bytes a consumer puts in JoinGroup's member metadata
// (its subscription) and the leader puts in SyncGroup's assignments. The broker only relays them; the
// admin UI decodes them to show who owns which partition. Each blob starts with an int16 version; a
// version newer than the tables is read as the newest known one, as Kafka's clients do.

import { decodeMessage, encodeMessage } from './codec';
import {
  consumerProtocolAssignmentSchema,
  consumerProtocolSubscriptionSchema,
  type ConsumerProtocolAssignment,
  type ConsumerProtocolSubscription,
} from './generated/consumer-protocol';
import { ProtocolError } from './protocol-error';
import { Reader } from './reader';
import { parseVersions, type MessageSchema } from './schema';
import { Writer } from './writer';

function decodeVersioned(schema: MessageSchema, buf: Buffer): { version: number; body: Record<string, unknown> } {
  try {
    const r = new Reader(buf);
    const version = r.int16();
    if (version < 0) throw new ProtocolError(`${schema.name}: negative version ${version}`);
    const readAs = Math.min(version, parseVersions(schema.validVersions).max);
    return { version, body: decodeMessage(schema, readAs, r) };
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError(`${schema.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function encodeVersioned(schema: MessageSchema, version: number, body: object): Buffer {
  const w = new Writer();
  w.int16(version);
  encodeMessage(schema, version, w, body);
  return Buffer.from(w.finish());
}

export function decodeConsumerSubscription(buf: Buffer): ConsumerProtocolSubscription & { version: number } {
  const { version, body } = decodeVersioned(consumerProtocolSubscriptionSchema, buf);
  return { ...(body as unknown as ConsumerProtocolSubscription), version };
}

export function decodeConsumerAssignment(buf: Buffer): ConsumerProtocolAssignment & { version: number } {
  const { version, body } = decodeVersioned(consumerProtocolAssignmentSchema, buf);
  return { ...(body as unknown as ConsumerProtocolAssignment), version };
}

export function encodeConsumerSubscription(version: number, body: ConsumerProtocolSubscription): Buffer {
  return encodeVersioned(consumerProtocolSubscriptionSchema, version, body);
}

export function encodeConsumerAssignment(version: number, body: ConsumerProtocolAssignment): Buffer {
  return encodeVersioned(consumerProtocolAssignmentSchema, version, body);
}
