// Reads Kafka's message-definition JSON (JSON plus `//` comment lines) into one in-memory model the
// emitters share: camelCase names, commonStructs resolved inline, defaults already converted to the
// field's TypeScript type. Anything the wire codec does not understand stops generation loudly.

import { readFileSync } from 'node:fs';
import type { DefaultValue, FieldSchema, MessageSchema, PrimitiveType } from '../schema';

export interface GenField extends Omit<FieldSchema, 'fields'> {
  readonly jsonName: string;
  readonly about: string;
  /** Kafka's struct type name (for `[]Name` / `Name` types). */
  readonly structName?: string;
  readonly fields?: readonly GenField[];
}

export interface GenMessage extends Omit<MessageSchema, 'fields'> {
  readonly fields: readonly GenField[];
}

const PRIMITIVES: ReadonlySet<string> = new Set<PrimitiveType>([
  'bool', 'int8', 'int16', 'int32', 'int64', 'uint16', 'float64', 'string', 'bytes', 'records', 'uuid',
]);

interface JsonField {
  name: string;
  type: string;
  versions: string;
  about?: string;
  nullableVersions?: string;
  taggedVersions?: string;
  tag?: number;
  flexibleVersions?: string;
  default?: string | number | boolean;
  fields?: JsonField[];
}

interface JsonMessage {
  apiKey?: number;
  type: string;
  name: string;
  validVersions: string;
  flexibleVersions: string;
  fields: JsonField[];
  commonStructs?: { name: string; fields: JsonField[] }[];
}

/** Drops every line whose first non-blank characters are `//` (never `//` inside a string). */
export function stripLineComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*\/\//.test(line))
    .join('\n');
}

export function camelCase(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

export function loadMessage(path: string): GenMessage {
  const json = JSON.parse(stripLineComments(readFileSync(path, 'utf8'))) as JsonMessage;
  const kinds = ['request', 'response', 'header', 'data'] as const;
  const kind = kinds.find((k) => k === json.type);
  if (!kind) throw new Error(`${path}: unknown message type ${json.type}`);
  const common = new Map((json.commonStructs ?? []).map((s) => [s.name, s.fields]));
  const convert = (f: JsonField): GenField => convertField(f, common, path);
  return {
    name: json.name,
    kind,
    ...(json.apiKey !== undefined ? { apiKey: json.apiKey } : {}),
    validVersions: json.validVersions,
    flexibleVersions: json.flexibleVersions ?? 'none',
    fields: json.fields.map(convert),
  };
}

function convertField(f: JsonField, common: Map<string, JsonField[]>, where: string): GenField {
  const array = f.type.startsWith('[]');
  const elem = array ? f.type.slice(2) : f.type;
  const isPrimitive = PRIMITIVES.has(elem);
  let fields: GenField[] | undefined;
  if (!isPrimitive) {
    const source = f.fields ?? common.get(elem);
    if (!source) throw new Error(`${where}: ${f.name} has struct type ${elem} with no fields`);
    fields = source.map((c) => convertField(c, common, where));
    if (!array && f.nullableVersions) throw new Error(`${where}: nullable struct ${f.name} is not supported`);
  }
  if ((f.taggedVersions === undefined) !== (f.tag === undefined)) {
    throw new Error(`${where}: ${f.name} needs both tag and taggedVersions`);
  }
  const type = isPrimitive ? (elem as PrimitiveType) : 'struct';
  const field: GenField = {
    name: camelCase(f.name),
    jsonName: f.name,
    about: f.about ?? '',
    type,
    ...(array ? { array: true as const } : {}),
    versions: f.versions,
    ...(f.nullableVersions ? { nullable: f.nullableVersions } : {}),
    ...(f.taggedVersions !== undefined ? { tagged: f.taggedVersions, tag: f.tag } : {}),
    ...(f.flexibleVersions ? { flexible: f.flexibleVersions } : {}),
    ...(isPrimitive ? {} : { structName: elem }),
    ...(fields ? { fields } : {}),
  };
  if (f.default !== undefined) {
    return { ...field, default: convertDefault(f.default, type, array, `${where}: ${f.name}`) };
  }
  return field;
}

function convertDefault(raw: string | number | boolean, type: string, array: boolean, where: string): DefaultValue {
  const text = String(raw);
  if (array || type === 'struct' || type === 'bytes' || type === 'records') {
    if (text === 'null') return null;
    throw new Error(`${where}: unsupported default ${text}`);
  }
  switch (type) {
    case 'bool':
      if (text !== 'true' && text !== 'false') throw new Error(`${where}: bad bool default ${text}`);
      return text === 'true';
    case 'int64':
      return BigInt(text);
    case 'string':
      return text === 'null' ? null : text;
    case 'uuid':
      throw new Error(`${where}: uuid defaults are not supported`);
    default: {
      const n = Number(text);
      if (!Number.isFinite(n)) throw new Error(`${where}: bad numeric default ${text}`);
      return n;
    }
  }
}
