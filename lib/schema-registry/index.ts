// The embedded Confluent-compatible Schema Registry: start it against a cluster, get its URL.
import 'server-only';
export { startSchemaRegistry, type RunningSchemaRegistry, type SchemaRegistryOptions } from './server';
export type { CompatibilityLevel, SchemaType } from './records';
