// Producing from the UI: one message or several (written in order), key, value and headers as UTF-8,
// a null value as a tombstone (not 0 bytes), an optional CreateTime, to an explicit partition or one
// chosen from the key by kafkajs' DefaultPartitioner (murmur2, the Java client's choice, so a key
// lands where the application's own producers put it); round-robin when the key is null. Several
// messages are sent one after another, so each one's partition and offset is known exactly.
import 'server-only';
import type { ProduceMessage } from '../../schemas/message';
import { invalidate } from '../connection/cache-keys';
import type { ClusterClients } from '../connection/clients';
import { requirePartition, requireTopic } from '../reading/metadata';

export async function produceMessages(clients: ClusterClients, topic: string, messages: ProduceMessage[]) {
  const t = await requireTopic(clients, topic);
  for (const m of messages) if (m.partition !== undefined) requirePartition(t, m.partition);
  const written: { partition: number; offset: string }[] = [];
  try {
    await clients.writes.produce(async (producer) => {
      for (const m of messages) {
        const headers: Record<string, string[]> = {};
        for (const h of m.headers) (headers[h.key] ??= []).push(h.value);
        const [meta] = await producer.send({
          topic,
          acks: -1,
          timeout: clients.timeouts.requestMs,
          messages: [
            {
              key: m.key,
              value: m.value,
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
