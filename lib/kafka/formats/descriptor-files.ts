// The Protobuf descriptor files of PROTOBUFDESC_DIRECTORY (Kafdrop's meaning): a topic's unframed
// Protobuf values are read with `<topic>.desc` (or the file a request names) and its main file's
// first message (or the type named). A file is read and compiled once and kept until it changes on
// disk (size or modification time). With PROTOBUFDESC_PARSEANYPROTO every .desc of the folder joins
// the schema, so an Any holding a type from another file still unpacks. Only plain file names inside
// the folder are accepted: a request cannot make the console read any other file. The folder's files
// are also listed with their message types, for the message browser's file and type pickers.
import 'server-only';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { currentConsoleConfig, topicFormats, type ClusterConfig } from '../../config';
import type { ProtobufDescriptorConfig } from '../../config/protobuf-descriptors';
import type { DescriptorChoice } from '../../decode';
import { messageTypeByName, messageTypeNames, protobufSchemaFromDescriptorSets, type ProtobufSchema } from '../../decode/formats';
import { PROTOBUF_DESCRIPTORS_MAX, type ProtobufDescriptorFile, type ProtobufDescriptors } from '../../schemas/protobuf-descriptors';

interface Compiled {
  stamp: string;
  schema: ProtobufSchema | { error: string };
}
const compiled = new Map<string, Compiled>();
const MAX_KEPT = 256;

const PLAIN_NAME = /^[^/\\\0]+$/;

function stampOf(files: string[]): string | null {
  try {
    return files.map((f) => `${f}:${statSync(f).size}:${statSync(f).mtimeMs}`).join('|');
  } catch {
    return null;
  }
}

function schemaOf(files: string[]): ProtobufSchema | { error: string } {
  const key = files.join('\0');
  const stamp = stampOf(files);
  if (stamp === null) return { error: `cannot read ${path.basename(files[0]!)} in PROTOBUFDESC_DIRECTORY` };
  const hit = compiled.get(key);
  if (hit && hit.stamp === stamp) return hit.schema;
  const schema = protobufSchemaFromDescriptorSets(files.map((f) => readFileSync(f)));
  if (compiled.size >= MAX_KEPT) compiled.delete(compiled.keys().next().value!);
  compiled.set(key, { stamp, schema });
  return schema;
}

/** How a topic's unframed Protobuf values are read; undefined when no folder is configured. */
export function descriptorChoice(cfg: ProtobufDescriptorConfig, topic: string, file?: string, typeName?: string): DescriptorChoice | undefined {
  if (cfg.directory === null) return undefined;
  const name = file ?? `${topic}.desc`;
  if (!PLAIN_NAME.test(name) || name === '.' || name === '..') return { error: `descriptor file "${name}" must be a plain file name in PROTOBUFDESC_DIRECTORY` };
  const main = path.join(cfg.directory, name);
  let files = [main];
  if (cfg.parseAnyProto) {
    let others: string[] = [];
    try {
      others = readdirSync(cfg.directory)
        .filter((f) => f.endsWith('.desc') && f !== name)
        .sort()
        .map((f) => path.join(cfg.directory!, f));
    } catch {
      others = [];
    }
    files = [main, ...others];
  }
  const schema = schemaOf(files);
  if ('error' in schema) return { error: schema.error.startsWith('cannot read') ? `no descriptor file ${name} in PROTOBUFDESC_DIRECTORY` : `${name}: ${schema.error}` };
  const type = typeName ? messageTypeByName(schema, typeName) : (schema.messages[0] ?? null);
  if (!type) return { error: typeName ? `${name} has no message type ${typeName}` : `${name} declares no message in its main file` };
  return { schema, type, unpackAny: cfg.parseAnyProto, source: name };
}

/** The folder's `.desc` files, by name, with the message types each declares (its own file only,
 * as a page picks it): what the message browser offers to choose from. Null when no folder is set. */
export function listDescriptorFiles(cfg: ProtobufDescriptorConfig): { files: ProtobufDescriptorFile[]; truncated: boolean } | null {
  if (cfg.directory === null) return null;
  let names: string[];
  try {
    names = readdirSync(cfg.directory, { withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith('.desc') && PLAIN_NAME.test(d.name))
      .map((d) => d.name)
      .sort();
  } catch {
    names = [];
  }
  const files = names.slice(0, PROTOBUF_DESCRIPTORS_MAX).map((name): ProtobufDescriptorFile => {
    const schema = schemaOf([path.join(cfg.directory!, name)]);
    return 'error' in schema ? { name, types: [], error: schema.error } : { name, types: messageTypeNames(schema) };
  });
  return { files, truncated: names.length > files.length };
}

/** What the message browser's Protobuf pickers offer on this cluster (for `topic`, when given). */
export function protobufDescriptorsFor(cluster: ClusterConfig, topic?: string): ProtobufDescriptors {
  const listed = listDescriptorFiles(currentConsoleConfig().protobufDescriptors);
  const valueFormat = topic === undefined ? cluster.formats.value : topicFormats(cluster.topicFormats ?? [], topic, cluster.formats).value;
  return { configured: listed !== null, valueFormat, files: listed?.files ?? [], truncated: listed?.truncated ?? false };
}
