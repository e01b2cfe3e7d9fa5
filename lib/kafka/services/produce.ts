// Producing one message from the UI: key, value and headers as UTF-8, to an explicit partition or
// one chosen from the key by kafkajs' DefaultPartitioner (murmur2, the Java client's choice, so a
// key lands where the application's own producers put it); round-robin when the key is null.
import type { ProduceRequest } from '../../schemas/message';
import type { KafkaClients } from '../connection/clients';
import { requirePartition, requireTopic } from '../reading/metadata';

export async function produceMessage(clients: KafkaClients, topic: string, req: ProduceRequest) {
  const t = await requireTopic(clients, topic);
  if (req.partition !== undefined) requirePartition(t, req.partition);
  const producer = await clients.producer();
  const headers: Record<string, string[]> = {};
  for (const h of req.headers) (headers[h.key] ??= []).push(h.value);
  const [meta] = await producer.send({
    topic,
    acks: -1,
    timeout: clients.config.timeouts.requestMs,
    messages: [{ key: req.key, value: req.value, headers, ...(req.partition !== undefined && { partition: req.partition }) }],
  });
  clients.cache.invalidate('wm:');
  return { partition: meta!.partition, offset: String(meta!.baseOffset ?? meta!.offset ?? '0') };
}
