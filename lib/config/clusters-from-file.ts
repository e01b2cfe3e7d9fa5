// Many clusters, each with credentials and switches, are easier to keep in one file than in dozens
// of variables, and kafbat users already have such a file. Whoever edits it needs to be told the
// line of a mistake, so the file is read as a YAML document (JSON is YAML too) with node positions
// kept, and every message, from the parser, the shape check or the value rules, starts `file:line:`.
// Parser messages are asked for without the excerpt of source they can carry: it may hold a secret.
import 'server-only';
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { z } from 'zod';
import type { ClusterDeclaration, Setting, Sourced } from './cluster-declaration';
import { ConfigFileSchema, type FileCluster } from './config-file-schema';
import { ConfigError } from './errors';
import type { Mutation } from './switches';

type Path = readonly (string | number)[];

export function clusterDeclarationsFromFile(file: string, text: string): ClusterDeclaration[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) throw new ConfigError(`${file}:${lines.linePos(syntax.pos[0]).line}`, parserMessage(syntax));
  if (doc.contents === null) throw new ConfigError(`${file}:1`, 'the file is empty: it must list clusters (clusters: or kafka: clusters:)');

  const locate = locator(file, doc, lines);
  let content: unknown;
  try {
    content = doc.toJS({ maxAliasCount: 100 });
  } catch {
    // Aliases that expand without bound (a "billion laughs" file).
    throw new ConfigError(`${file}:1`, 'its aliases expand to too much; write the values out');
  }
  const parsed = ConfigFileSchema.safeParse(content);
  if (!parsed.success) {
    // A misspelt key also makes the right key "missing"; the misspelling is the one to report.
    const issues = parsed.error.issues;
    throw shapeError(issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0], locate);
  }

  const { kafka, clusters } = parsed.data;
  if (kafka && clusters) throw new ConfigError(locate.key([], 'clusters'), 'give the clusters either under kafka: or at the top level, not both');
  const base = kafka ? ['kafka', 'clusters'] : ['clusters'];
  const list = kafka?.clusters ?? clusters;
  if (!list) throw new ConfigError(locate.at(['clusters']), 'is required (at the top level, or under kafka:)');
  return list.map((c, i) => declaration(c, [...base, i], locate));
}

function declaration(c: FileCluster, path: Path, locate: Locator): ClusterDeclaration {
  const at = <T>(value: T, ...rest: (string | number)[]): Sourced<T> => ({ value, at: locate.at([...path, ...rest]) });
  const list = (value: string | string[] | undefined, key: string): Sourced<string>[] =>
    value === undefined ? [] : typeof value === 'string' ? [at(value, key)] : value.map((v, j) => at(v, key, j));
  const switches: ClusterDeclaration['switches'] = {};
  for (const [m, v] of Object.entries(c.switches ?? {}) as [Mutation, boolean | string | undefined][]) {
    if (v !== undefined) switches[m] = at(v, 'switches', m);
  }
  const properties: ClusterDeclaration['properties'] = {};
  for (const [p, v] of Object.entries(c.properties ?? {}) as [keyof ClusterDeclaration['properties'], string | undefined][]) {
    if (v !== undefined) properties[p] = at(v, 'properties', p);
  }
  const auth = c.schemaRegistryAuth;
  return {
    name: at(c.name, 'name'),
    bootstrapServers: list(c.bootstrapServers, 'bootstrapServers'),
    readOnly: c.readOnly === undefined ? undefined : at(c.readOnly, 'readOnly'),
    switches,
    properties,
    schemaRegistry: list(c.schemaRegistry, 'schemaRegistry'),
    schemaRegistryUsername: auth && at(auth.username, 'schemaRegistryAuth', 'username'),
    schemaRegistryPassword: auth && at(auth.password, 'schemaRegistryAuth', 'password'),
    defaultKeyFormat: c.defaultKeyFormat === undefined ? undefined : at(c.defaultKeyFormat, 'defaultKeyFormat'),
    defaultValueFormat: c.defaultValueFormat === undefined ? undefined : at(c.defaultValueFormat, 'defaultValueFormat'),
    where: (setting: Setting) => locate.at([...path, ...settingPath(setting)]),
  };
}

/** A parser message without the source it may quote (after a colon: a block scalar's header, a tag;
 * an escape sequence), since that text may be part of a secret. */
function parserMessage(error: YAMLError): string {
  if (error.code === 'BAD_DQ_ESCAPE') return 'Invalid escape sequence in a double-quoted string';
  const colon = error.message.indexOf(': ');
  return colon < 0 ? error.message : error.message.slice(0, colon);
}

/** `properties.sasl.jaas.config` is the key `sasl.jaas.config` inside `properties`, not three levels. */
function settingPath(setting: Setting): string[] {
  return setting.startsWith('properties.') ? ['properties', setting.slice('properties.'.length)] : setting.split('.');
}

export function shapeError(issue: z.core.$ZodIssue | undefined, locate: Locator): ConfigError {
  if (!issue) return new ConfigError(locate.at([]), 'is not a valid configuration');
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return new ConfigError(locate.key(path, key), issue.message);
  }
  // A value the schema wanted but the file does not have at all.
  if (!locate.has(path)) return new ConfigError(locate.at(path), 'is required');
  return new ConfigError(locate.at(path), issue.message);
}

export interface Locator {
  /** `file:line: path` for the value at path, or for its nearest ancestor present in the file. */
  at(path: Path): string;
  /** `file:line: path.key` for the key `key` of the map at path (the line of the key itself). */
  key(path: Path, key: string): string;
  has(path: Path): boolean;
}

export function locator(file: string, doc: Document, lines: LineCounter): Locator {
  const node = (path: Path) => (path.length === 0 ? doc.contents : doc.getIn(path, true));
  const lineOf = (n: unknown) => (isNode(n) && n.range ? lines.linePos(n.range[0]).line : undefined);
  const place = (line: number, path: Path) => {
    const shown = display(path);
    return shown ? `${file}:${line}: ${shown}` : `${file}:${line}`;
  };
  return {
    at(path) {
      for (let n = path.length; n >= 0; n--) {
        const line = lineOf(node(path.slice(0, n)));
        if (line !== undefined) return place(line, path);
      }
      return place(1, path);
    },
    key(path, key) {
      const map = node(path);
      const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) : undefined;
      const line = lineOf(pair?.key);
      return line === undefined ? this.at([...path, key]) : place(line, [...path, key]);
    },
    has: (path) => node(path) !== undefined,
  };
}

/** `clusters[1].properties.security.protocol`; the optional `kafka:` wrapper is left out. */
function display(path: Path): string {
  const shown = path[0] === 'kafka' && path[1] === 'clusters' ? path.slice(1) : path;
  return shown.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
