// Set-up of the message-format tests: the API harness's embedded broker, the embedded Schema Registry
// started against it, and the console reconfigured so its cluster "test" uses that registry (as a
// kafbat-style KAFKA_CLUSTERS_0_SCHEMAREGISTRY would). Records are written the way applications write
// them: with @kafkajs/confluent-schema-registry, framed with the schema id.
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { loadAppConfig } from '../../lib/config';
import { configureClusters } from '../../lib/kafka/connection/registry';
import { startSchemaRegistry, type RunningSchemaRegistry } from '../../lib/schema-registry';
import { TEST_CLUSTER, startHarness, type Harness } from '../api/harness';

export interface FormatsHarness extends Harness {
  registry: RunningSchemaRegistry;
  client: SchemaRegistry;
}

export async function startFormatsHarness(env: Record<string, string> = {}, nodes = 1): Promise<FormatsHarness> {
  const h = await startHarness({ nodes });
  const registry = await startSchemaRegistry({ bootstrap: h.broker.bootstrap.split(','), port: 0, host: '127.0.0.1', log: () => undefined });
  configureRegistry(h, registry.url, env);
  const client = new SchemaRegistry({ host: registry.url });
  return {
    ...h,
    registry,
    client,
    async close() {
      await registry.close().catch(() => undefined);
      await h.close();
    },
  };
}

/** Points the harness's cluster at `url` (its clients are kept: same connection). */
export function configureRegistry(h: Harness, url: string, env: Record<string, string> = {}): void {
  configureClusters(
    loadAppConfig({
      KAFKA_CLUSTERS_0_NAME: TEST_CLUSTER,
      KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: h.broker.bootstrap,
      KAFKA_CLUSTERS_0_SCHEMAREGISTRY: url,
      KAFSCOPE_PUBLIC_URL: 'http://console.test',
      ...env,
    }),
  );
}

/** A Confluent frame around `payload` naming schema `id`, with magic byte `magic`. */
export function frame(id: number, payload: Uint8Array, magic = 0): Buffer {
  const header = Buffer.alloc(5);
  header[0] = magic;
  header.writeUInt32BE(id, 1);
  return Buffer.concat([header, payload]);
}
