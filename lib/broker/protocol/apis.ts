// Looks up the generated tables by API key and answers the version questions the network layer and the
// handler registry ask (is this version flexible, which versions exist at all).

import { apiSchemas, type ApiSchemas } from './generated/apis';
import { inRange, parseVersions, type MessageSchema } from './schema';

const byKey = new Map<number, ApiSchemas>(apiSchemas.map((a) => [a.key, a]));

export { ApiKey } from './generated/apis';

export function apiSchemasFor(apiKey: number): ApiSchemas | undefined {
  return byKey.get(apiKey);
}

export function schemaFor(apiKey: number, kind: 'request' | 'response'): MessageSchema | undefined {
  return byKey.get(apiKey)?.[kind];
}

/** Kafka's name of an API key ("Produce"), or `Unknown(<key>)`. */
export function apiName(key: number): string {
  return byKey.get(key)?.name ?? `Unknown(${key})`;
}

/**
 * Whether (apiKey, version) uses the flexible encoding. Flexible ranges are open-ended ("9+"), so this
 * also answers for versions newer than the tables know (an ApiVersions probe from a newer client).
 */
export function isFlexible(apiKey: number, version: number, kind: 'request' | 'response'): boolean {
  const schema = schemaFor(apiKey, kind);
  return schema !== undefined && inRange(parseVersions(schema.flexibleVersions), version);
}

/** Every version Kafka defines for the API (its validVersions), whatever the broker advertises. */
export function knownVersions(apiKey: number): { min: number; max: number } | undefined {
  const schema = schemaFor(apiKey, 'request');
  if (!schema) return undefined;
  const { min, max } = parseVersions(schema.validVersions);
  return { min, max };
}
