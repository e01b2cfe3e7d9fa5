// A cluster's Schema Registry as the schema pages see it: subjects with their type, latest version
// and compatibility; a subject's versions pretty-printed and diffed; the topics a subject serves by
// TopicNameStrategy (`<topic>-key`, `<topic>-value`); and the editor's changes (register after a
// compatibility check, change a level, soft then hard delete). Everything goes through the registry's
// REST API (registry-api.ts), so an external Confluent registry and the embedded one behave alike.
// Subject listings and each subject's latest version are kept a few seconds (a page of 50 subjects
// costs 100 registry calls otherwise); every change forgets that cluster's listings at once.
import 'server-only';
import { diffLines } from 'diff';
import type { ClusterConfig } from '../../config';
import type {
  CompatibilityCheck,
  CompatibilityLevel,
  SchemaDiff,
  SchemaDraft,
  SchemaType,
  SchemaVersion,
  SubjectDetail,
  SubjectList,
  SubjectListQuery,
  SubjectRole,
  SubjectSummary,
  TopicSubjects,
} from '../../schemas/schema-registry';
import type { ClusterClients } from '../connection/clients';
import { DomainError, notFound } from '../errors';
import { registryCodeOf, registryError, type RegistryApi } from '../formats/registry-api';
import { registryApiFor } from '../formats/registry-clients';
import { loadMetadata } from '../reading/metadata';

const LISTING_TTL_MS = 3_000;
/** Registry calls made at once for one page (latest versions, levels). */
const PARALLEL = 8;

interface RawVersion {
  subject: string;
  version: number;
  id: number;
  schemaType?: SchemaType;
  schema: string;
  references?: { name: string; subject: string; version: number }[];
}

interface Cached<T> {
  at: number;
  value: Promise<T>;
}
const globalKey = Symbol.for('kafscope.schemas.listing-cache');
function cache(): Map<string, Cached<unknown>> {
  const g = globalThis as unknown as Record<symbol, Map<string, Cached<unknown>> | undefined>;
  return (g[globalKey] ??= new Map());
}

function remembered<T>(key: string, load: () => Promise<T>): Promise<T> {
  const all = cache();
  const hit = all.get(key);
  if (hit && Date.now() - hit.at < LISTING_TTL_MS) return hit.value as Promise<T>;
  const value = load();
  all.set(key, { at: Date.now(), value });
  value.catch(() => all.delete(key));
  return value;
}

/** Forgets what was read of this cluster's registry (after a change). */
function forget(cluster: string): void {
  for (const key of cache().keys()) if (key.startsWith(`${cluster}\u0000`)) cache().delete(key);
}

export function apiOf(config: ClusterConfig): RegistryApi {
  const api = registryApiFor(config);
  if (!api) throw notFound(`Cluster "${config.name}" has no schema registry configured (SCHEMAREGISTRY_CONNECT, or KAFKA_CLUSTERS_<n>_SCHEMAREGISTRY).`);
  return api;
}

const seg = encodeURIComponent;
const isNotFound = (err: unknown) => err instanceof DomainError && err.kind === 'not-found';

/** `<topic>-key` / `<topic>-value` read back into the topic and role. */
export function topicOfSubject(subject: string): { name: string; role: SubjectRole } | null {
  for (const role of ['key', 'value'] as const) {
    const suffix = `-${role}`;
    if (subject.endsWith(suffix) && subject.length > suffix.length) return { name: subject.slice(0, -suffix.length), role };
  }
  return null;
}

/** Avro and JSON Schema indented two spaces; anything else (Protobuf, unparsable text) as it is. */
export function prettySchema(type: SchemaType, schema: string): string {
  if (type === 'PROTOBUF') return schema;
  try {
    return JSON.stringify(JSON.parse(schema), null, 2);
  } catch {
    return schema;
  }
}

async function inBatches<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
  return out;
}

function subjects(config: ClusterConfig, api: RegistryApi, deleted: boolean): Promise<string[]> {
  return remembered(`${config.name}\u0000subjects\u0000${deleted}`, async () => {
    const list = await api.get<unknown>(`/subjects${deleted ? '?deleted=true' : ''}`);
    if (!Array.isArray(list)) throw registryError('kafka-error', 'The schema registry answered the subject list with something that is not a list.');
    return list.filter((s): s is string => typeof s === 'string').sort((a, b) => a.localeCompare(b));
  });
}

/** A version, `deleted` including soft-deleted ones. */
async function rawVersion(api: RegistryApi, subject: string, version: number | 'latest', deleted: boolean): Promise<RawVersion> {
  const v = await api.get<RawVersion>(`/subjects/${seg(subject)}/versions/${version}${deleted ? '?deleted=true' : ''}`);
  if (!v || typeof v.schema !== 'string' || typeof v.id !== 'number' || typeof v.version !== 'number') {
    throw registryError('kafka-error', `The schema registry's answer for ${subject} version ${version} has no schema.`);
  }
  return v;
}

function latestOf(config: ClusterConfig, api: RegistryApi, subject: string, deleted: boolean): Promise<RawVersion | null> {
  return remembered(`${config.name}\u0000latest\u0000${subject}\u0000${deleted}`, async () => {
    try {
      if (!deleted) return await rawVersion(api, subject, 'latest', false);
      const versions = await api.get<number[]>(`/subjects/${seg(subject)}/versions?deleted=true`);
      const newest = Array.isArray(versions) && versions.length > 0 ? Math.max(...versions) : null;
      return newest === null ? null : await rawVersion(api, subject, newest, true);
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  });
}

/** A subject's own level, or null when it follows the global one (40408, or an older registry's 40401). */
async function ownLevel(api: RegistryApi, subject: string): Promise<CompatibilityLevel | null> {
  try {
    const c = await api.get<{ compatibilityLevel?: CompatibilityLevel }>(`/config/${seg(subject)}`);
    return c?.compatibilityLevel ?? null;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

async function globalLevel(api: RegistryApi): Promise<CompatibilityLevel> {
  const c = await api.get<{ compatibilityLevel?: CompatibilityLevel }>('/config');
  return c?.compatibilityLevel ?? 'BACKWARD';
}

function typeOf(v: RawVersion): SchemaType {
  return v.schemaType ?? 'AVRO';
}

export async function listSubjects(config: ClusterConfig, q: SubjectListQuery): Promise<SubjectList> {
  const api = apiOf(config);
  const needle = q.q.trim().toLowerCase();
  const [all, live, global] = await Promise.all([subjects(config, api, q.deleted), q.deleted ? subjects(config, api, false) : null, globalLevel(api)]);
  const liveSet = new Set(live ?? all);
  let names = needle ? all.filter((s) => s.toLowerCase().includes(needle)) : all;
  const summary = async (subject: string): Promise<SubjectSummary> => {
    const deleted = !liveSet.has(subject);
    const [latest, level] = await Promise.all([latestOf(config, api, subject, deleted), ownLevel(api, subject)]);
    return {
      subject,
      type: latest ? typeOf(latest) : null,
      latestVersion: latest?.version ?? null,
      latestId: latest?.id ?? null,
      compatibility: level,
      deleted,
      topic: topicOfSubject(subject),
    };
  };
  if (q.type) {
    // The type is only known from each subject's latest version: read them all (kept briefly).
    const types = await inBatches(names, async (s) => (await latestOf(config, api, s, !liveSet.has(s)))?.schemaType ?? 'AVRO');
    names = names.filter((_, i) => types[i] === q.type);
  }
  const start = (q.page - 1) * q.pageSize;
  const items = await inBatches(names.slice(start, start + q.pageSize), summary);
  return { items, total: names.length, page: q.page, pageSize: q.pageSize, globalCompatibility: global };
}

function versionView(v: RawVersion, deleted: boolean): SchemaVersion {
  const type = typeOf(v);
  return { subject: v.subject, version: v.version, id: v.id, type, schema: v.schema, pretty: prettySchema(type, v.schema), references: v.references ?? [], deleted };
}

async function versionLists(api: RegistryApi, subject: string): Promise<{ live: number[]; deleted: number[] }> {
  const withDeleted = await api.get<number[]>(`/subjects/${seg(subject)}/versions?deleted=true`);
  let live: number[] = [];
  try {
    live = await api.get<number[]>(`/subjects/${seg(subject)}/versions`);
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  const liveSet = new Set(live);
  return { live: [...live].sort((a, b) => a - b), deleted: withDeleted.filter((v) => !liveSet.has(v)).sort((a, b) => a - b) };
}

/** Existing topics this subject names by TopicNameStrategy; none when the cluster cannot be read. */
async function topicsOf(clients: () => ClusterClients, subject: string): Promise<SubjectDetail['topics']> {
  const t = topicOfSubject(subject);
  if (!t) return [];
  try {
    const meta = await loadMetadata(clients());
    return meta.topics.has(t.name) ? [{ topic: t.name, role: t.role }] : [];
  } catch {
    return [];
  }
}

export async function getSubject(config: ClusterConfig, clients: () => ClusterClients, subject: string): Promise<SubjectDetail> {
  const api = apiOf(config);
  const [lists, own, global, topics] = await Promise.all([versionLists(api, subject), ownLevel(api, subject), globalLevel(api), topicsOf(clients, subject)]);
  const newestLive = lists.live.at(-1);
  const newest = newestLive ?? lists.deleted.at(-1)!;
  const latest = await rawVersion(api, subject, newest, newestLive === undefined);
  return {
    subject,
    versions: lists.live,
    deletedVersions: lists.deleted,
    latest: versionView(latest, newestLive === undefined),
    compatibility: { level: own ?? global, own: own !== null },
    topics,
  };
}

export async function getSchemaVersion(config: ClusterConfig, subject: string, version: number | 'latest'): Promise<SchemaVersion> {
  const api = apiOf(config);
  const v = await rawVersion(api, subject, version, true);
  const live = await api.get<number[]>(`/subjects/${seg(subject)}/versions`).catch(() => [] as number[]);
  return versionView(v, !live.includes(v.version));
}

/** Line diff of two versions' pretty-printed schemas (text only: the browser renders it as text). */
export async function diffVersions(config: ClusterConfig, subject: string, from: number | 'latest', to: number | 'latest'): Promise<SchemaDiff> {
  const api = apiOf(config);
  const [a, b] = await Promise.all([rawVersion(api, subject, from, true), rawVersion(api, subject, to, true)]);
  const lines: SchemaDiff['lines'] = [];
  let added = 0;
  let removed = 0;
  for (const change of diffLines(prettySchema(typeOf(a), a.schema), prettySchema(typeOf(b), b.schema))) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const parts = change.value.endsWith('\n') ? change.value.slice(0, -1).split('\n') : change.value.split('\n');
    for (const text of parts) lines.push({ kind, text });
    if (kind === 'added') added += parts.length;
    if (kind === 'removed') removed += parts.length;
  }
  return { subject, from: a.version, to: b.version, lines, added, removed };
}

export async function getCompatibility(config: ClusterConfig, subject: string | null): Promise<{ level: CompatibilityLevel; own: boolean }> {
  const api = apiOf(config);
  if (subject === null) return { level: await globalLevel(api), own: true };
  const [own, global] = await Promise.all([ownLevel(api, subject), globalLevel(api)]);
  return { level: own ?? global, own: own !== null };
}

export async function setCompatibility(config: ClusterConfig, subject: string | null, level: CompatibilityLevel | null) {
  const api = apiOf(config);
  const path = subject === null ? '/config' : `/config/${seg(subject)}`;
  forget(config.name);
  if (level === null) {
    if (subject === null) throw registryError('invalid', 'The global compatibility level cannot be removed; choose a level.');
    try {
      await api.call('DELETE', path);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  } else {
    await api.call('PUT', path, { compatibility: level });
  }
  return getCompatibility(config, subject);
}

function draftBody(d: SchemaDraft) {
  return { schema: d.schema, schemaType: d.schemaType, ...(d.references.length > 0 && { references: d.references }) };
}

/** The registry's verdict on `draft` against a version, with its reasons (verbose). */
export async function checkCompatibility(config: ClusterConfig, subject: string, draft: SchemaDraft, version: number | 'latest'): Promise<CompatibilityCheck> {
  const api = apiOf(config);
  try {
    const r = await api.call<{ is_compatible?: unknown; messages?: unknown }>('POST', `/compatibility/subjects/${seg(subject)}/versions/${version}?verbose=true`, draftBody(draft));
    const messages = Array.isArray(r?.messages) ? r.messages.filter((m): m is string => typeof m === 'string') : [];
    return { compatible: r?.is_compatible === true, messages, firstVersion: false };
  } catch (err) {
    // No version to compare with yet: the first one is always accepted.
    if (registryCodeOf(err) === 40401 || (version === 'latest' && registryCodeOf(err) === 40402)) return { compatible: true, messages: [], firstVersion: true };
    throw err;
  }
}

export async function registerSchema(config: ClusterConfig, subject: string, draft: SchemaDraft): Promise<{ id: number; version: number | null }> {
  const api = apiOf(config);
  forget(config.name);
  const { id } = await api.call<{ id: number }>('POST', `/subjects/${seg(subject)}/versions`, draftBody(draft));
  const found = await api.call<{ version?: number }>('POST', `/subjects/${seg(subject)}`, draftBody(draft)).catch(() => null);
  return { id, version: typeof found?.version === 'number' ? found.version : null };
}

export async function deleteSubject(config: ClusterConfig, subject: string, permanent: boolean) {
  const api = apiOf(config);
  forget(config.name);
  const versions = await api.call<number[]>('DELETE', `/subjects/${seg(subject)}${permanent ? '?permanent=true' : ''}`);
  return { versions: Array.isArray(versions) ? versions : [], permanent };
}

export async function deleteVersion(config: ClusterConfig, subject: string, version: number, permanent: boolean) {
  const api = apiOf(config);
  forget(config.name);
  const v = await api.call<number>('DELETE', `/subjects/${seg(subject)}/versions/${version}${permanent ? '?permanent=true' : ''}`);
  return { versions: typeof v === 'number' ? [v] : [version], permanent };
}

/** The key and value subjects of a topic (TopicNameStrategy), null when the registry has none. */
export async function topicSubjects(config: ClusterConfig, topic: string): Promise<TopicSubjects> {
  const api = registryApiFor(config);
  if (!api) return { registry: false, key: null, value: null };
  const ref = async (role: SubjectRole) => {
    const subject = `${topic}-${role}`;
    const latest = await latestOf(config, api, subject, false);
    return latest ? { subject, type: typeOf(latest), latestVersion: latest.version } : null;
  };
  const [key, value] = await Promise.all([ref('key'), ref('value')]);
  return { registry: true, key, value };
}
