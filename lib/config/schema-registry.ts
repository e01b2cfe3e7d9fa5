// Each cluster's schema registry, for decoding and producing Avro, Protobuf and JSON Schema values and
// for the schema pages. Its settings are checked at start-up, so a mistake in one is reported then
// rather than at the first decode.
// URLs are never quoted in messages: one may carry credentials, and credentials belong in the
// separate username and password settings, which are never quoted either.
import 'server-only';
import type { Setting, Sourced } from './cluster-declaration';
import type { ClusterConfig } from './cluster-config';
import { ConfigError } from './errors';

export interface SchemaRegistryGiven {
  urls: Sourced<string>[];
  username?: Sourced<string>;
  password?: Sourced<string>;
  where(setting: Setting): string;
}

export function resolveSchemaRegistry(given: SchemaRegistryGiven): ClusterConfig['schemaRegistry'] {
  const urls: string[] = [];
  for (const entry of given.urls) {
    const parts = entry.value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (parts.length === 0) throw new ConfigError(entry.at, 'must list at least one http:// or https:// URL');
    for (const url of parts) urls.push(checkUrl(entry.at, url, urls.length + 1));
  }
  const { username, password } = given;
  if (username && !password) throw new ConfigError(given.where('schemaRegistryAuth.password'), 'is required with a schema registry username');
  if (password && !username) throw new ConfigError(given.where('schemaRegistryAuth.username'), 'is required with a schema registry password');
  if (urls.length === 0) {
    if (username) throw new ConfigError(username.at, 'a schema registry username needs a schema registry URL');
    return null;
  }
  return { urls, ...(username && password && { username: username.value, password: password.value }) };
}

function checkUrl(at: string, raw: string, n: number): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(at, `URL ${n} is not an http:// or https:// URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(at, `URL ${n} is not an http:// or https:// URL`);
  if (url.username || url.password) {
    throw new ConfigError(at, `URL ${n} has credentials in it: give them as the schema registry username and password instead`);
  }
  return raw;
}
