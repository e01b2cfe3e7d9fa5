// End-to-end tests: a real Chromium against the production build served by the same start script a
// user runs (`npm start`), on its own port so a running dev server is never disturbed. The app is
// configured with three clusters, kafbat-style (KAFKA_CLUSTERS_<n>_*): "primary", an embedded broker
// started here as its own process (3 nodes, in memory, the default cluster most specs use);
// "secondary", a second 1-node broker, read-only; and "offline", an address where nothing listens.
// So the tests depend neither on the app's built-in demo cluster nor on its seeded data.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from './e2e/support/chromium';
import { PROTOBUF_DESC_DIR } from './e2e/support/protobuf';

const port = Number(process.env.E2E_PORT ?? 9123);
export const brokerPort = Number(process.env.E2E_BROKER_PORT ?? 19092);
export const secondaryBrokerPort = Number(process.env.E2E_SECONDARY_BROKER_PORT ?? 19192);
/** The primary cluster's Schema Registry (the console's embedded one, run as its own process). */
export const registryPort = Number(process.env.E2E_REGISTRY_PORT ?? brokerPort + 1000);
export const bootstrap = `127.0.0.1:${brokerPort}`;
export const baseURL = `http://127.0.0.1:${port}`;
const hasBrokerCli = existsSync('lib/broker/cli.ts');
// Specs write FileDescriptorSet files here; the app needs the folder to exist at start-up.
mkdirSync(PROTOBUF_DESC_DIR, { recursive: true });

const broker = (brokerPort: number, nodes: number) => ({
  command: `npx tsx lib/broker/cli.ts --port ${brokerPort} --host 127.0.0.1 --nodes ${nodes} --in-memory`,
  port: brokerPort,
  timeout: 60_000,
  reuseExistingServer: false,
  stdout: 'ignore' as const,
});

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_FLAGS },
  },
  webServer: [
    ...(hasBrokerCli ? [broker(brokerPort, 3), broker(secondaryBrokerPort, 1)] : []),
    ...(hasBrokerCli
      ? [
          {
            command: `node --conditions=react-server --import tsx e2e/support/schema-registry-server.ts ${registryPort} ${bootstrap}`,
            url: `http://127.0.0.1:${registryPort}/subjects`,
            timeout: 90_000,
            reuseExistingServer: false,
            stdout: 'ignore' as const,
          },
        ]
      : []),
    {
      command: 'node scripts/start.mjs',
      url: `${baseURL}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        SERVER_PORT: String(port),
        HOST: '127.0.0.1',
        ...(hasBrokerCli
          ? {
              KAFKA_CLUSTERS_0_NAME: 'primary',
              KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: bootstrap,
              KAFKA_CLUSTERS_0_SCHEMAREGISTRY: `http://127.0.0.1:${registryPort}`,
              KAFKA_CLUSTERS_1_NAME: 'secondary',
              KAFKA_CLUSTERS_1_BOOTSTRAPSERVERS: `127.0.0.1:${secondaryBrokerPort}`,
              KAFKA_CLUSTERS_1_READONLY: 'true',
              KAFKA_CLUSTERS_2_NAME: 'offline',
              KAFKA_CLUSTERS_2_BOOTSTRAPSERVERS: '127.0.0.1:1',
            }
          : {}),
        // Lag history of this run only, sampled every second so charts and statuses appear quickly.
        KAFSCOPE_DATA_DIR: mkdtempSync(join(tmpdir(), 'kafscope-e2e-data-')),
        KAFSCOPE_LAG_SAMPLE_INTERVAL_MS: '1000',
        // Against an external cluster the destructive actions are off by default; the tests use them.
        TOPIC_DELETE_ENABLED: 'true',
        RECORDS_DELETE_ENABLED: 'true',
        GROUP_DELETE_ENABLED: 'true',
        SCHEMA_EDIT_ENABLED: 'true',
        // Unframed Protobuf values are read with the descriptor files specs put here.
        PROTOBUFDESC_DIRECTORY: PROTOBUF_DESC_DIR,
      },
    },
  ],
});
