// The registry's state as the `_schemas` topic describes it, rebuilt by applying its records in
// offset order (last record per key wins, null = deleted, as compaction would leave it). Pure: no
// I/O, so start-up replay and live updates go through this one `apply`, and it is tested on its own.
import {
  parseConfigValue,
  parseSchemaValue,
  type CompatibilityLevel,
  type RegistryKey,
  type SchemaReference,
  type SchemaType,
  type SchemaValue,
} from './records';

export const schemaTypeOf = (v: Pick<SchemaValue, 'schemaType'>): SchemaType => v.schemaType ?? 'AVRO';

export const sameReferences = (a: SchemaReference[] = [], b: SchemaReference[] = []) =>
  a.length === b.length && a.every((r, i) => r.name === b[i]!.name && r.subject === b[i]!.subject && r.version === b[i]!.version);

export class RegistryState {
  private readonly subjects = new Map<string, Map<number, SchemaValue>>();
  private readonly configs = new Map<string | null, CompatibilityLevel>();
  private watermark = 0;

  apply(key: RegistryKey, value: unknown): void {
    switch (key.keytype) {
      case 'SCHEMA': {
        const versions = this.subjects.get(key.subject) ?? new Map<number, SchemaValue>();
        const parsed = value === null ? null : parseSchemaValue(value);
        if (parsed && parsed.subject === key.subject && parsed.version === key.version) {
          versions.set(key.version, parsed);
          this.watermark = Math.max(this.watermark, parsed.id);
        } else if (value === null) versions.delete(key.version);
        if (versions.size > 0) this.subjects.set(key.subject, versions);
        else this.subjects.delete(key.subject);
        return;
      }
      case 'CONFIG': {
        const parsed = value === null ? null : parseConfigValue(value);
        if (parsed) this.configs.set(key.subject, parsed.compatibilityLevel);
        else if (value === null) this.configs.delete(key.subject);
        return;
      }
      case 'DELETE_SUBJECT': {
        const upTo = typeof (value as { version?: unknown } | null)?.version === 'number' ? (value as { version: number }).version : 0;
        for (const v of this.subjects.get(key.subject)?.values() ?? []) if (v.version <= upTo) v.deleted = true;
        return;
      }
      case 'ID_WATERMARK': {
        const id = (value as { id?: unknown } | null)?.id;
        if (typeof id === 'number' && Number.isInteger(id)) this.watermark = Math.max(this.watermark, id);
        return;
      }
      case 'NOOP':
        return;
    }
  }

  /** The subject's versions in ascending order; soft-deleted ones only when asked for. */
  versions(subject: string, includeDeleted = false): SchemaValue[] {
    const all = [...(this.subjects.get(subject)?.values() ?? [])].sort((a, b) => a.version - b.version);
    return includeDeleted ? all : all.filter((v) => !v.deleted);
  }

  version(subject: string, version: number): SchemaValue | undefined {
    return this.subjects.get(subject)?.get(version);
  }

  /** Subjects with a live version (or, when asked, with any version at all), sorted. */
  subjectNames(includeDeleted = false): string[] {
    return [...this.subjects.keys()].filter((s) => includeDeleted || this.versions(s).length > 0).sort();
  }

  /** Every version registered with this id, in any subject (soft-deleted ones included). */
  withId(id: number): SchemaValue[] {
    const out: SchemaValue[] = [];
    for (const versions of this.subjects.values()) for (const v of versions.values()) if (v.id === id) out.push(v);
    return out.sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.version - b.version));
  }

  /** A version, in any subject, with exactly this schema (same type, text and references). */
  findIdentical(schemaType: SchemaType, schema: string, references: SchemaReference[]): SchemaValue | undefined {
    for (const versions of this.subjects.values()) {
      for (const v of versions.values()) {
        if (schemaTypeOf(v) === schemaType && v.schema === schema && sameReferences(v.references, references)) return v;
      }
    }
    return undefined;
  }

  /** The highest id ever handed out (records still present, or the watermark left by hard deletes). */
  maxId(): number {
    return this.watermark;
  }

  /** The configured level of a subject (null: the global one), if any. */
  compatibility(subject: string | null): CompatibilityLevel | undefined {
    return this.configs.get(subject);
  }
}
