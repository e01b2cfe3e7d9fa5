// How each cluster's keys and values are read when a page does not say: Kafdrop's MESSAGE_FORMAT and
// MESSAGE_KEYFORMAT keep their meaning as the defaults of every configured cluster, and a cluster's
// own setting (kafbat-style KAFKA_CLUSTERS_<n>_DEFAULTKEYFORMAT / _DEFAULTVALUEFORMAT, or
// defaultKeyFormat / defaultValueFormat in the file) wins. Kafdrop's names (DEFAULT, AVRO, PROTOBUF,
// MSGPACK, ...) and the console's own (auto, avro, int, ...) are both accepted, in any case; a value
// that is neither stops start-up naming where it was given.
import 'server-only';
import { MESSAGE_FORMATS, type MessageFormat } from '../schemas/message';
import type { Sourced } from './cluster-declaration';
import { ConfigError, type Env } from './errors';

export interface FormatDefaults {
  key: MessageFormat;
  value: MessageFormat;
}

export const AUTO_FORMATS: FormatDefaults = { key: 'auto', value: 'auto' };

/** Kafdrop's (and common) spellings of each format. */
const ALIASES: Record<string, MessageFormat> = {
  default: 'auto',
  string: 'text',
  integer: 'int',
  int32: 'int',
  int64: 'long',
  bytes: 'binary',
  json_schema: 'json-schema',
  jsonschema: 'json-schema',
};

export function parseMessageFormat(given: Sourced<string>): MessageFormat {
  const raw = given.value.trim().toLowerCase();
  const found = (MESSAGE_FORMATS as readonly string[]).includes(raw) ? (raw as MessageFormat) : ALIASES[raw];
  if (!found) throw new ConfigError(given.at, `must be one of ${MESSAGE_FORMATS.join(', ')} (or Kafdrop's DEFAULT, AVRO, PROTOBUF, MSGPACK)`);
  return found;
}

function read(env: Env, name: string): MessageFormat | undefined {
  const raw = env[name];
  return raw?.trim() ? parseMessageFormat({ value: raw, at: name }) : undefined;
}

/** MESSAGE_KEYFORMAT and MESSAGE_FORMAT: the defaults of every configured cluster. */
export function globalFormatDefaults(env: Env): FormatDefaults {
  return { key: read(env, 'MESSAGE_KEYFORMAT') ?? 'auto', value: read(env, 'MESSAGE_FORMAT') ?? 'auto' };
}

/** A cluster's formats: its own settings over the global defaults. */
export function clusterFormats(defaults: FormatDefaults, key: Sourced<string> | undefined, value: Sourced<string> | undefined): FormatDefaults {
  return { key: key ? parseMessageFormat(key) : defaults.key, value: value ? parseMessageFormat(value) : defaults.value };
}
