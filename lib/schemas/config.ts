// A configuration entry of a topic or a broker, as DescribeConfigs reports it.
import './zod-csp';
import { z } from 'zod/mini';

export const ConfigSource = z.enum([
  'DYNAMIC_TOPIC_CONFIG',
  'DYNAMIC_BROKER_LOGGER_CONFIG',
  'DYNAMIC_BROKER_CONFIG',
  'DYNAMIC_DEFAULT_BROKER_CONFIG',
  'STATIC_BROKER_CONFIG',
  'DEFAULT_CONFIG',
  'UNKNOWN',
]);

export const ConfigEntrySchema = z.object({
  name: z.string(),
  /** null for sensitive values (never sent) and for entries without a value. */
  value: z.nullable(z.string()),
  source: ConfigSource,
  isDefault: z.boolean(),
  isSensitive: z.boolean(),
  readOnly: z.boolean(),
});
export type ConfigEntry = z.infer<typeof ConfigEntrySchema>;

/** A list of config entries: a topic's, a broker's or the cluster-wide broker defaults. */
export const ConfigEntryListSchema = z.array(ConfigEntrySchema);
