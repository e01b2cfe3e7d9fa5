// The primary cluster's Schema Registry in the end-to-end tests (playwright.config.ts starts it on
// E2E_REGISTRY_PORT, by default the broker's port + 1000), for registering schemas the way
// applications do: over its REST API, with @kafkajs/confluent-schema-registry encoding records.
export const REGISTRY_URL = `http://127.0.0.1:${process.env.E2E_REGISTRY_PORT ?? Number(process.env.E2E_BROKER_PORT ?? 19092) + 1000}`;
