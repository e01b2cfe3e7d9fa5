// Producing with a schema: the subject's version (or latest) is looked up in the cluster's registry,
// its schema compiled once per id (the decode step's cache), and the JSON the person typed is
// validated and encoded with Confluent's framing (lib/encode). A value that does not fit the schema
// is an `invalid` error naming the field (a JSON Pointer) and why, so nothing wrong is ever written.
import 'server-only';
import type { ClusterConfig } from '../../config';
import { encodeWithSchema, isEncodeFailure } from '../../encode';
import { invalid, notFound } from '../errors';
import { registryError } from './registry-api';
import { registryApiFor, registryClientFor } from './registry-clients';

export interface SchemaChoice {
  subject: string;
  version: number | 'latest';
}

export async function encodeForSubject(config: ClusterConfig, choice: SchemaChoice, text: string | null, field: 'key' | 'value'): Promise<{ bytes: Buffer; id: number; version: number }> {
  const api = registryApiFor(config);
  const client = registryClientFor(config);
  if (!api || !client) throw notFound(`Cluster "${config.name}" has no schema registry to encode the ${field} with.`);
  if (text === null || text.trim() === '') throw invalid(`The ${field} is empty: give it as JSON to encode it with ${choice.subject}.`, field);
  const v = await api.get<{ id?: unknown; version?: unknown; schema?: unknown }>(`/subjects/${encodeURIComponent(choice.subject)}/versions/${choice.version}`);
  if (typeof v?.id !== 'number' || typeof v.schema !== 'string' || typeof v.version !== 'number') {
    throw registryError('kafka-error', `The schema registry's answer for ${choice.subject} version ${choice.version} has no schema.`);
  }
  const resolved = await client.schema(v.id);
  if ('error' in resolved) throw registryError('kafka-error', resolved.error);
  const out = encodeWithSchema(text, v.id, resolved.compiled, v.schema);
  if (isEncodeFailure(out)) {
    const where = out.path === '' ? field : `${field} at ${out.path}`;
    throw invalid(`${where}: ${out.error} (schema ${choice.subject} version ${v.version})`, out.path === '' ? field : `${field}${out.path.replace(/\//g, '.')}`);
  }
  return { bytes: Buffer.from(out.buffer, out.byteOffset, out.byteLength), id: v.id, version: v.version };
}
