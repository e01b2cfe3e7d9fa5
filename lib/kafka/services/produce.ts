// Producing one message from the UI: key, value and headers as UTF-8, to an explicit partition or
// one chosen from the key by kafkajs' DefaultPartitioner (murmur2, the Java client's choice, so a
// key lands where the application's own producers put it); round-robin when the key is null. A key
// or value given with a registry subject is typed as JSON and encoded with that subject's schema
// (Confluent framing) before anything is sent; a value that does not fit is refused naming the field.
import 'server-only';
import type { ProduceRequest } from '../../schemas/message';
import { invalidate } from '../connection/cache-keys';
import type { ClusterClients } from '../connection/clients';
import { encodeForSubject } from '../formats/schema-encoding';
import { requirePartition, requireTopic } from '../reading/metadata';

export async function produceMessage(clients: ClusterClients, topic: string, req: ProduceRequest) {
  const t = await requireTopic(clients, topic);
  if (req.partition !== undefined) requirePartition(t, req.partition);
  const headers: Record<string, string[]> = {};
  for (const h of req.headers) (headers[h.key] ??= []).push(h.value);
  const key = req.keySchema ? (await encodeForSubject(clients.config, req.keySchema, req.key, 'key')).bytes : req.key;
  const value = req.valueSchema ? (await encodeForSubject(clients.config, req.valueSchema, req.value, 'value')).bytes : req.value;
  const [meta] = await clients.writes.produce((producer) =>
    producer.send({
      topic,
      acks: -1,
      timeout: clients.timeouts.requestMs,
      messages: [{ key, value, headers, ...(req.partition !== undefined && { partition: req.partition }) }],
    }),
  );
  invalidate.watermarks(clients.cache);
  return { partition: meta!.partition, offset: String(meta!.baseOffset ?? meta!.offset ?? '0') };
}
