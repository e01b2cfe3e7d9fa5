// Turns the loaded model into TypeScript source: the field tables the codec interprets at run time and
// one interface per message (the union of all its versions) so handlers get typed bodies.

import { inRange, parseVersions, type DefaultValue, type VersionRange } from '../schema';
import type { GenField, GenMessage } from './load';

// ---------------------------------------------------------------------------------------------- tables

export function emitTable(constName: string, m: GenMessage): string {
  const head = [
    `name: '${m.name}'`,
    `kind: '${m.kind}'`,
    ...(m.apiKey !== undefined ? [`apiKey: ${m.apiKey}`] : []),
    `validVersions: '${m.validVersions}'`,
    `flexibleVersions: '${m.flexibleVersions}'`,
  ].join(', ');
  return `export const ${constName}: MessageSchema = {\n  ${head},\n  fields: ${emitFields(m.fields, '  ')},\n};\n`;
}

function emitFields(fields: readonly GenField[], indent: string): string {
  if (fields.length === 0) return '[]';
  const inner = indent + '  ';
  return `[\n${fields.map((f) => inner + emitField(f, inner) + ',\n').join('')}${indent}]`;
}

function emitField(f: GenField, indent: string): string {
  const parts = [`name: '${f.name}'`, `type: '${f.type}'`];
  if (f.array) parts.push('array: true');
  parts.push(`versions: '${f.versions}'`);
  if (f.nullable) parts.push(`nullable: '${f.nullable}'`);
  if (f.tagged !== undefined) parts.push(`tagged: '${f.tagged}'`, `tag: ${f.tag}`);
  if (f.flexible) parts.push(`flexible: '${f.flexible}'`);
  if (f.default !== undefined) parts.push(`default: ${literal(f.default)}`);
  if (f.fields) parts.push(`fields: ${emitFields(f.fields, indent)}`);
  return `{ ${parts.join(', ')} }`;
}

function literal(v: DefaultValue): string {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return String(v);
}

// ---------------------------------------------------------------------------------------- interfaces

/** Chooses globally unique interface names for nested structs and remembers which file owns each. */
export class TypeNames {
  private readonly owners = new Map<string, string>();

  constructor(reserved: Iterable<string>) {
    for (const name of reserved) this.owners.set(name, '*');
  }

  /** `prefix` is the API name ("Metadata"); struct names that already start with it are kept as is. */
  claim(message: string, prefix: string, struct: string): string {
    const key = `${message}.${struct}`;
    const preferred = struct.startsWith(prefix) ? struct : message + struct;
    for (const candidate of [preferred, message + struct]) {
      const owner = this.owners.get(candidate);
      if (owner === undefined || owner === key) {
        this.owners.set(candidate, key);
        return candidate;
      }
    }
    throw new Error(`cannot name struct ${struct} of ${message} uniquely`);
  }
}

interface Range {
  min: number;
  max: number;
}

function intersect(a: Range, b: VersionRange): Range {
  return { min: Math.max(a.min, b.min), max: Math.min(a.max, b.max) };
}

function empty(r: Range): boolean {
  return r.min > r.max;
}

function covers(outer: VersionRange, inner: Range): boolean {
  return empty(inner) || (inRange(outer, inner.min) && inRange(outer, inner.max));
}

function overlaps(a: Range, b: VersionRange): boolean {
  return !empty(intersect(a, b));
}

const TS_TYPES: Record<string, string> = {
  bool: 'boolean',
  int8: 'number',
  int16: 'number',
  int32: 'number',
  uint16: 'number',
  float64: 'number',
  int64: 'bigint',
  string: 'string',
  bytes: 'Buffer',
  records: 'Buffer',
  uuid: 'Buffer',
};

/**
 * Emits `export interface <Name>` for a message and its nested structs; returns the source and every
 * interface name it declared. A field is optional unless every version of its parent carries it
 * untagged (decoded objects still hold every field: absent ones take their defaults).
 */
export function emitInterfaces(m: GenMessage, prefix: string, names: TypeNames): { source: string; names: string[] } {
  const out: string[] = [];
  const declared: string[] = [];
  const seen = new Set<string>();
  const valid = parseVersions(m.validVersions);

  const emitStruct = (tsName: string, fields: readonly GenField[], parent: Range): void => {
    if (seen.has(tsName)) return;
    seen.add(tsName);
    declared.push(tsName);
    const lines: string[] = [];
    const nested: (() => void)[] = [];
    for (const f of fields) {
      const present = intersect(parent, parseVersions(f.versions));
      if (empty(present)) continue;
      let base: string;
      if (f.type === 'struct') {
        const structName = names.claim(m.name, prefix, f.structName ?? f.jsonName);
        base = structName;
        const childFields = f.fields ?? [];
        nested.push(() => emitStruct(structName, childFields, present));
      } else {
        base = TS_TYPES[f.type] ?? 'unknown';
      }
      let type = f.array ? `${base}[]` : base;
      if (f.nullable && overlaps(present, parseVersions(f.nullable))) type += ' | null';
      const always = covers(parseVersions(f.versions), parent);
      const optional = f.tagged !== undefined || !always ? '?' : '';
      const versionNote = always ? '' : ` (versions ${f.versions})`;
      const about = (f.about + versionNote).replace(/\*\//g, '* /').trim();
      if (about) lines.push(`  /** ${about} */`);
      lines.push(`  ${f.name}${optional}: ${type};`);
    }
    out.push(`export interface ${tsName} {\n${lines.join('\n')}\n}\n`);
    for (const n of nested) n();
  };

  emitStruct(m.name, m.fields, { min: valid.min, max: valid.max });
  return { source: out.join('\n'), names: declared };
}
