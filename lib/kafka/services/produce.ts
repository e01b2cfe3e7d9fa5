// Producing from the UI: one message or several (written in order), key, value and headers as UTF-8,
// a null value as a tombstone (not 0 bytes), an optional CreateTime, to an explicit partition or one
// chosen from the key by kafkajs' DefaultPartitioner (murmur2, the Java client's choice, so a key
// lands where the application's own producers put it); round-robin when the key is null. Several
// messages are sent one after another, so each one's partition and offset is known exactly.
// A key or value given with a registry subject is typed as JSON and encoded with that subject's
// schema (Confluent framing) before anything is sent; a value that does not fit is refused naming the
// field, and then nothing of the request is written.
import 'server-only';
import type { ProduceMessage } from '../../schemas/message';
import { invalidate } from '../connection/cache-keys';
import type { ClusterClients } from '../connection/clients';
import { encodeForSubject } from '../formats/schema-encoding';
import { requirePartition, requireTopic } from '../reading/metadata';

export async function produceMessages(clients: ClusterClients, topic: string, messages: ProduceMessage[]) {
  const t = await requireTopic(clients, topic);
  for (const m of messages) if (m.partition !== undefined) requirePartition(t, m.partition);
  // Every message encoded first, so a bad one refuses the request before anything is written.
  const encoded: { key: string | Buffer | null; value: string | Buffer | null }[] = [];
  for (const m of messages) {
    const key = m.keySchema && m.key !== null ? (await encodeForSubject(clients.config, m.keySchema, m.key, 'key')).bytes : m.key;
    const value = m.valueSchema && m.value !== null ? (await encodeForSubject(clients.config, m.valueSchema, m.value, 'value')).bytes : m.value;
    encoded.push({ key, value });
  }
  const written: { partition: number; offset: string }[] = [];
  try {
    await clients.writes.produce(async (producer) => {
      for (const [i, m] of messages.entries()) {
        const headers: Record<string, string[]> = {};
        for (const h of m.headers) (headers[h.key] ??= []).push(h.value);
        const [meta] = await producer.send({
          topic,
          acks: -1,
          timeout: clients.timeouts.requestMs,
          messages: [
            {
              key: encoded[i]!.key,
              value: encoded[i]!.value,
              headers,
              ...(m.partition !== undefined && { partition: m.partition }),
              ...(m.timestamp !== undefined && { timestamp: String(m.timestamp) }),
            },
          ],
        });
        written.push({ partition: meta!.partition, offset: String(meta!.baseOffset ?? meta!.offset ?? '0') });
      }
    });
  } finally {
    if (written.length > 0) invalidate.watermarks(clients.cache);
  }
  return { ...written[0]!, messages: written };
}
