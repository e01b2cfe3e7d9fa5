// The registry's operations in domain terms (no HTTP): what each Confluent endpoint does, over the
// state rebuilt from the `_schemas` topic. Reads answer from the state; every change is a record
// appended to the topic, and takes effect when the topic's reader has applied it (the store's
// append resolves then), so the state has one writer path and a restart replays the same records.
// Changes run one at a time (a queue), so "next id" and "next version" are decided on a state that
// nothing else is changing: this process is the topic's single writer.
import {
  incompatibleSchema,
  invalidCompatibilityLevel,
  invalidSchema,
  referenceExists,
  schemaNotFound,
  subjectConfigNotFound,
  subjectNotFound,
  subjectNotSoftDeleted,
  subjectSoftDeleted,
  versionNotFound,
  versionNotSoftDeleted,
  versionSoftDeleted,
} from './errors';
import { compatibilityProblems, type Comparable } from './compatibility';
import {
  configKey,
  isCompatibilityLevel,
  schemaKey,
  WATERMARK_KEY,
  type CompatibilityLevel,
  type SchemaReference,
  type SchemaType,
  type SchemaValue,
  type StoreRecord,
} from './records';
import { avroType, checkSchema, type ResolvedReference } from './schema-types';
import { isObject, parseVersion, type SchemaRequest } from './requests';
import { sameReferences, schemaTypeOf, type RegistryState } from './state';

/** Appends records to the topic; resolves once they are applied to the state. */
export interface RecordLog {
  append(records: StoreRecord[]): Promise<void>;
}

/** Deepest chain of references followed, and most schemas one schema may pull in. */
const MAX_REFERENCE_DEPTH = 16;
const MAX_REFERENCES = 256;

export class SchemaRegistry {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly state: RegistryState,
    private readonly log: RecordLog,
    private readonly defaultCompatibility: CompatibilityLevel = 'BACKWARD',
  ) {}

  /** Runs changes one after another, so each decides on a state no other change is moving. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  // ---- subjects and versions ----------------------------------------------------------------

  listSubjects(includeDeleted: boolean): string[] {
    return this.state.subjectNames(includeDeleted);
  }

  listVersions(subject: string, includeDeleted: boolean): number[] {
    const versions = this.state.versions(subject, includeDeleted);
    if (versions.length === 0) throw subjectNotFound(subject);
    return versions.map((v) => v.version);
  }

  /** The version `versionText` of the subject ("latest" = newest live one). */
  getVersion(subject: string, versionText: string, includeDeleted: boolean): SchemaValue {
    const wanted = parseVersion(versionText);
    const versions = this.state.versions(subject, includeDeleted);
    if (versions.length === 0) throw subjectNotFound(subject);
    const found = wanted === 'latest' ? versions[versions.length - 1] : versions.find((v) => v.version === wanted);
    if (!found) throw versionNotFound(wanted);
    return found;
  }

  /** POST /subjects/{s}: the version of the subject holding exactly this schema. */
  lookup(subject: string, request: SchemaRequest, includeDeleted: boolean): SchemaValue {
    const versions = this.state.versions(subject, includeDeleted);
    if (versions.length === 0) throw subjectNotFound(subject);
    const checked = checkSchema(request.schemaType, request.schema, this.resolveReferences(request.references));
    const found = versions.find((v) => this.sameSchema(v, request.schemaType, checked.canonical, request.references));
    if (!found) throw schemaNotFound();
    return found;
  }

  // ---- schemas by id ----------------------------------------------------------------------------

  schemaById(id: number): SchemaValue {
    const found = this.state.withId(id)[0];
    if (!found) throw schemaNotFound(id);
    return found;
  }

  /** Where an id is used: [{subject, version}] of live versions (all with includeDeleted). */
  usesOfId(id: number, includeDeleted: boolean): { subject: string; version: number }[] {
    const all = this.state.withId(id);
    if (all.length === 0) throw schemaNotFound(id);
    return all.filter((v) => includeDeleted || !v.deleted).map((v) => ({ subject: v.subject, version: v.version }));
  }

  // ---- registration -----------------------------------------------------------------------------

  /** POST /subjects/{s}/versions: the id of the schema under the subject, registering it if new. */
  register(subject: string, request: SchemaRequest): Promise<{ id: number }> {
    return this.exclusive(async () => {
      const references = this.resolveReferences(request.references);
      const checked = checkSchema(request.schemaType, request.schema, references);
      const live = this.state.versions(subject);
      const existing = live.find((v) => this.sameSchema(v, request.schemaType, checked.canonical, request.references));
      if (existing) return { id: existing.id };

      const problems = compatibilityProblems(this.levelOf(subject), { schemaType: checked.schemaType, avro: checked.avro }, this.comparable(live));
      if (problems.length > 0) throw incompatibleSchema(subject, problems);

      const same = this.state.findIdentical(request.schemaType, checked.canonical, request.references);
      const id = same?.id ?? this.state.maxId() + 1;
      const all = this.state.versions(subject, true);
      const version = (all[all.length - 1]?.version ?? 0) + 1;
      const value: SchemaValue = {
        subject,
        version,
        id,
        ...(request.schemaType !== 'AVRO' && { schemaType: request.schemaType }),
        ...(request.references.length > 0 && { references: request.references }),
        schema: checked.canonical,
        deleted: false,
      };
      await this.log.append([{ key: schemaKey(subject, version), value }]);
      return { id };
    });
  }

  // ---- compatibility ----------------------------------------------------------------------------

  /** POST /compatibility/subjects/{s}/versions[/{v}]: without a version, against what the subject's
   * level names (latest or all); with one, against that version alone. */
  testCompatibility(subject: string, versionText: string | null, request: SchemaRequest): string[] {
    const checked = checkSchema(request.schemaType, request.schema, this.resolveReferences(request.references));
    const level = this.levelOf(subject);
    const candidate = { schemaType: checked.schemaType, avro: checked.avro };
    if (versionText === null) return compatibilityProblems(level, candidate, this.comparable(this.state.versions(subject)));
    const old = this.getVersion(subject, versionText, false);
    return compatibilityProblems(level.replace('_TRANSITIVE', '') as CompatibilityLevel, candidate, this.comparable([old]));
  }

  // ---- deletion ----------------------------------------------------------------------------------

  /** DELETE /subjects/{s}: soft-deletes every live version, or (permanent) removes soft-deleted ones. */
  deleteSubject(subject: string, permanent: boolean): Promise<number[]> {
    return this.exclusive(async () => {
      const all = this.state.versions(subject, true);
      if (all.length === 0) throw subjectNotFound(subject);
      const live = all.filter((v) => !v.deleted);
      if (!permanent) {
        if (live.length === 0) throw subjectSoftDeleted(subject);
        for (const v of live) this.refuseIfReferenced(v);
        await this.log.append(live.map((v) => ({ key: schemaKey(subject, v.version), value: { ...v, deleted: true } })));
        return live.map((v) => v.version);
      }
      if (live.length > 0) throw subjectNotSoftDeleted(subject);
      const records: StoreRecord[] = [{ key: WATERMARK_KEY, value: { id: this.state.maxId() } }];
      records.push(...all.map((v) => ({ key: schemaKey(subject, v.version), value: null })));
      if (this.state.compatibility(subject)) records.push({ key: configKey(subject), value: null });
      await this.log.append(records);
      return all.map((v) => v.version);
    });
  }

  /** DELETE /subjects/{s}/versions/{v}: soft-deletes a live version, or (permanent) removes a
   * soft-deleted one. "latest" is the newest live version (newest of all when permanent). */
  deleteVersion(subject: string, versionText: string, permanent: boolean): Promise<number> {
    return this.exclusive(async () => {
      const wanted = parseVersion(versionText);
      const all = this.state.versions(subject, true);
      if (all.length === 0) throw subjectNotFound(subject);
      const pool = permanent ? all : all.filter((v) => !v.deleted);
      const found = wanted === 'latest' ? pool[pool.length - 1] : all.find((v) => v.version === wanted);
      if (!found) throw versionNotFound(wanted);
      if (!permanent) {
        if (found.deleted) throw versionSoftDeleted(subject, found.version);
        this.refuseIfReferenced(found);
        await this.log.append([{ key: schemaKey(subject, found.version), value: { ...found, deleted: true } }]);
        return found.version;
      }
      if (!found.deleted) throw versionNotSoftDeleted(subject, found.version);
      await this.log.append([
        { key: WATERMARK_KEY, value: { id: this.state.maxId() } },
        { key: schemaKey(subject, found.version), value: null },
      ]);
      return found.version;
    });
  }

  // ---- configuration -----------------------------------------------------------------------------

  /** The level in force for a subject: its own, else the global one, else the default. */
  levelOf(subject: string | null): CompatibilityLevel {
    return (subject !== null && this.state.compatibility(subject)) || this.state.compatibility(null) || this.defaultCompatibility;
  }

  getConfig(subject: string | null, defaultToGlobal: boolean): CompatibilityLevel {
    if (subject === null) return this.levelOf(null);
    const own = this.state.compatibility(subject);
    if (own) return own;
    if (defaultToGlobal) return this.levelOf(null);
    throw subjectConfigNotFound(subject);
  }

  setConfig(subject: string | null, body: unknown): Promise<CompatibilityLevel> {
    return this.exclusive(async () => {
      const raw = isObject(body) ? body.compatibility ?? body.compatibilityLevel : undefined;
      const level = typeof raw === 'string' ? raw.toUpperCase() : raw;
      if (!isCompatibilityLevel(level)) throw invalidCompatibilityLevel();
      await this.log.append([{ key: configKey(subject), value: { compatibilityLevel: level } }]);
      return level;
    });
  }

  /** Removes a subject's own level (or resets the global one); returns the level that was set. */
  deleteConfig(subject: string | null): Promise<CompatibilityLevel> {
    return this.exclusive(async () => {
      const before = this.state.compatibility(subject);
      if (subject !== null && !before) throw subjectConfigNotFound(subject);
      if (before) await this.log.append([{ key: configKey(subject), value: null }]);
      return before ?? this.defaultCompatibility;
    });
  }

  // ---- helpers -----------------------------------------------------------------------------------

  private sameSchema(v: SchemaValue, schemaType: SchemaType, canonical: string, references: SchemaReference[]): boolean {
    return schemaTypeOf(v) === schemaType && v.schema === canonical && sameReferences(v.references, references);
  }

  private comparable(versions: SchemaValue[]): Comparable[] {
    return versions.map((v) => {
      const schemaType = schemaTypeOf(v);
      if (schemaType !== 'AVRO') return { schemaType, version: v.version };
      return { schemaType, version: v.version, avro: avroType(v.schema, this.resolveReferences(v.references ?? [])) };
    });
  }

  /** The referenced schemas, transitively, dependencies first; 42201 for a missing one or too many. */
  private resolveReferences(references: SchemaReference[]): ResolvedReference[] {
    const out: ResolvedReference[] = [];
    const seen = new Set<string>();
    const visit = (refs: SchemaReference[], depth: number, path: string[]) => {
      if (depth > MAX_REFERENCE_DEPTH) throw invalidSchema(`references nest deeper than ${MAX_REFERENCE_DEPTH} levels`);
      for (const ref of refs) {
        const id = `${ref.subject}\u0000${ref.version}`;
        if (path.includes(id)) throw invalidSchema(`circular reference to ${ref.subject} version ${ref.version}`);
        if (seen.has(id)) continue;
        const target = this.state.version(ref.subject, ref.version);
        if (!target || target.deleted) throw invalidSchema(`reference ${ref.name} (subject ${ref.subject}, version ${ref.version}) does not exist`);
        visit(target.references ?? [], depth + 1, [...path, id]);
        seen.add(id);
        if (seen.size > MAX_REFERENCES) throw invalidSchema(`more than ${MAX_REFERENCES} referenced schemas`);
        out.push({ name: ref.name, schemaType: schemaTypeOf(target), schema: target.schema });
      }
    };
    visit(references, 0, []);
    return out;
  }

  /** Confluent refuses to delete a version another live schema refers to (42206). */
  private refuseIfReferenced(v: SchemaValue): void {
    for (const subject of this.state.subjectNames()) {
      for (const other of this.state.versions(subject)) {
        if (other.references?.some((r) => r.subject === v.subject && r.version === v.version)) {
          throw referenceExists(v.subject, v.version);
        }
      }
    }
  }
}

