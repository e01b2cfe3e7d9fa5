// Protobuf schemas for the decoder, from the two places they come from: the .proto text a Schema
// Registry stores (with its references, and Google's well-known types that protobufjs bundles), or
// a FileDescriptorSet made by `protoc --descriptor_set_out=x.desc --include_imports`. Both become a
// protobufjs Root whose reflection (field numbers, names, types, enums) drives protobuf-decode.ts.
// Field names are kept as written (keepCase), not camel-cased.
import protobuf from 'protobufjs';
import descriptor from 'protobufjs/ext/descriptor';

export interface ProtobufSchema {
  readonly root: protobuf.Root;
  /** The main file's top-level messages in declaration order: what Confluent's message indexes count. */
  readonly messages: readonly protobuf.Type[];
}

/** A Confluent schema reference resolved to its text: `name` is the import path the schema uses. */
export interface ProtoReference {
  name: string;
  schema: string;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

function messagesOf(ns: protobuf.NamespaceBase | null): protobuf.Type[] {
  return ns ? ns.nestedArray.filter((o): o is protobuf.Type => o instanceof protobuf.Type) : [];
}

function namespaceOf(root: protobuf.Root, pkg: string | undefined): protobuf.NamespaceBase | null {
  if (!pkg) return root;
  const found = root.lookup(pkg);
  return found instanceof protobuf.Namespace ? found : null;
}

/** Parses .proto text. Imports are found among `references`, then among the well-known types. */
export function parseProtobufSchema(text: string, references: ProtoReference[] = []): ProtobufSchema | { error: string } {
  const root = new protobuf.Root();
  let main: protobuf.IParserResult;
  try {
    main = protobuf.parse(text, root, { keepCase: true });
  } catch (err) {
    return { error: `invalid Protobuf schema: ${message(err)}` };
  }
  const messages = messagesOf(namespaceOf(root, main.package));
  const loaded = new Set<string>();
  const missing: string[] = [];
  const pending = [...(main.imports ?? []), ...(main.weakImports ?? [])];
  try {
    while (pending.length > 0) {
      const name = pending.shift()!;
      if (loaded.has(name)) continue;
      loaded.add(name);
      const ref = references.find((r) => r.name === name);
      if (ref) {
        const parsed = protobuf.parse(ref.schema, root, { keepCase: true });
        pending.push(...(parsed.imports ?? []), ...(parsed.weakImports ?? []));
        continue;
      }
      const common = protobuf.common.get(name);
      if (common?.nested) root.addJSON(common.nested);
      else missing.push(name);
    }
    root.resolveAll();
  } catch (err) {
    const hint = missing.length > 0 ? ` (imports not provided: ${missing.join(', ')})` : '';
    return { error: `invalid Protobuf schema: ${message(err)}${hint}` };
  }
  return { root, messages };
}

/** Reads a serialized FileDescriptorSet. The last file is the main one (protoc lists dependencies first). */
export function protobufSchemaFromDescriptorSet(bytes: Uint8Array): ProtobufSchema | { error: string } {
  try {
    const set = descriptor.FileDescriptorSet.decode(bytes) as unknown as descriptor.IFileDescriptorSet;
    const root = protobuf.Root.fromDescriptor(set, { keepCase: true });
    root.resolveAll();
    const last = set.file[set.file.length - 1];
    const pkg = last?.package ?? '';
    const messages = (last?.messageType ?? []).map((m) => root.lookupType(pkg ? `${pkg}.${m.name}` : `${m.name}`));
    return { root, messages };
  } catch (err) {
    return { error: `invalid FileDescriptorSet: ${message(err)}` };
  }
}

/** Several FileDescriptorSets as one schema (files of the same name kept once): the first set's main
 * file gives `messages`; every file's types can be looked up (google.protobuf.Any unpacking). */
export function protobufSchemaFromDescriptorSets(sets: readonly Uint8Array[]): ProtobufSchema | { error: string } {
  try {
    const decoded = sets.map((bytes) => descriptor.FileDescriptorSet.decode(bytes) as unknown as descriptor.IFileDescriptorSet);
    const files = new Map<string, descriptor.IFileDescriptorProto>();
    for (const set of decoded) for (const f of set.file) if (!files.has(f.name ?? '')) files.set(f.name ?? '', f);
    const root = protobuf.Root.fromDescriptor({ file: [...files.values()] }, { keepCase: true });
    root.resolveAll();
    const main = decoded[0]?.file[decoded[0].file.length - 1];
    const pkg = main?.package ?? '';
    const messages = (main?.messageType ?? []).map((m) => root.lookupType(pkg ? `${pkg}.${m.name}` : `${m.name}`));
    return { root, messages };
  } catch (err) {
    return { error: `invalid FileDescriptorSet: ${message(err)}` };
  }
}

/** The message type with this full name ("pkg.Msg", a leading dot allowed), or null. */
export function messageTypeByName(schema: ProtobufSchema, name: string): protobuf.Type | null {
  try {
    return schema.root.lookupType(name.startsWith('.') ? name : `.${name}`);
  } catch {
    return null;
  }
}

/** The message at Confluent's index path: the first index counts the main file's top-level messages,
 * each next one the nested messages of the one before. Null when the path leads nowhere. */
export function messageTypeByIndexes(schema: ProtobufSchema, indexes: readonly number[]): protobuf.Type | null {
  let candidates: readonly protobuf.Type[] = schema.messages;
  let found: protobuf.Type | null = null;
  for (const index of indexes) {
    found = candidates[index] ?? null;
    if (!found) return null;
    candidates = messagesOf(found);
  }
  return found;
}

/** Every message type's full name ("pkg.Msg"): the main file's top-level messages first, in order,
 * then the others (nested, imported) sorted; Google's well-known types are left out. */
export function messageTypeNames(schema: ProtobufSchema): string[] {
  const name = (t: protobuf.Type) => t.fullName.replace(/^\./, '');
  const main = schema.messages.map(name);
  const others: string[] = [];
  const walk = (ns: protobuf.NamespaceBase) => {
    for (const o of ns.nestedArray) {
      if (o instanceof protobuf.Type && !main.includes(name(o)) && !name(o).startsWith('google.protobuf.')) others.push(name(o));
      if (o instanceof protobuf.Namespace) walk(o);
    }
  };
  walk(schema.root);
  return [...main, ...others.sort()];
}
