// kafbat (formerly provectus kafka-ui) is configured with KAFKA_CLUSTERS_<n>_* variables; accepting
// the same names lets its users point Kafscope at their clusters by copying their environment. Only
// what Kafscope acts on is accepted: any other KAFKA_CLUSTERS_ variable is an error naming it, since
// a misspelt variable that is silently ignored (a read-only flag, a SASL setting) is a hazard.
import 'server-only';
import { CLIENT_PROPERTIES, type ClientProperty, type ClusterDeclaration, type Setting, type Sourced } from './cluster-declaration';
import { ConfigError, type Env } from './errors';
import { SWITCH_VARIABLES, type Mutation } from './switches';

const PREFIX = 'KAFKA_CLUSTERS_';
const VARIABLE = /^KAFKA_CLUSTERS_(0|[1-9]\d{0,3})_([A-Z0-9_]+)$/;

/** Variable suffix (after KAFKA_CLUSTERS_<n>_) of each setting that can be absent. */
const SETTING_SUFFIX: Record<Setting, string> = {
  name: 'NAME',
  bootstrapServers: 'BOOTSTRAPSERVERS',
  schemaRegistry: 'SCHEMAREGISTRY',
  'schemaRegistryAuth.username': 'SCHEMAREGISTRYAUTH_USERNAME',
  'schemaRegistryAuth.password': 'SCHEMAREGISTRYAUTH_PASSWORD',
  ...(Object.fromEntries(CLIENT_PROPERTIES.map((p) => [`properties.${p}`, propertySuffix(p)])) as Record<`properties.${ClientProperty}`, string>),
};

function propertySuffix(p: ClientProperty): string {
  return `PROPERTIES_${p.toUpperCase().replace(/\./g, '_')}`;
}

const PROPERTY_BY_SUFFIX = new Map<string, ClientProperty>(CLIENT_PROPERTIES.map((p) => [propertySuffix(p), p]));
const SWITCH_BY_SUFFIX = new Map<string, Mutation>((Object.keys(SWITCH_VARIABLES) as Mutation[]).map((m) => [SWITCH_VARIABLES[m].variable, m]));
const KNOWN_SUFFIXES = ['NAME', 'BOOTSTRAPSERVERS', 'READONLY', 'SCHEMAREGISTRY', 'SCHEMAREGISTRYAUTH_USERNAME', 'SCHEMAREGISTRYAUTH_PASSWORD', 'DEFAULTKEYFORMAT', 'DEFAULTVALUEFORMAT', ...PROPERTY_BY_SUFFIX.keys(), ...SWITCH_BY_SUFFIX.keys()];

/** The first KAFKA_CLUSTERS_ variable set (alphabetically), to name the source in a conflict. */
export function firstClusterVariable(env: Env): string | undefined {
  return Object.keys(env)
    .filter((k) => k.startsWith(PREFIX) && env[k]?.trim())
    .sort()[0];
}

/** Clusters declared by KAFKA_CLUSTERS_<n>_* variables, ordered by <n> (gaps allowed). */
export function clusterDeclarationsFromEnv(env: Env): ClusterDeclaration[] {
  const byIndex = new Map<number, Map<string, Sourced<string>>>();
  for (const [variable, raw] of Object.entries(env)) {
    if (!variable.startsWith(PREFIX) || raw === undefined || raw.trim() === '') continue;
    const m = VARIABLE.exec(variable);
    if (!m) throw new ConfigError(variable, 'is not a variable Kafscope reads: expected KAFKA_CLUSTERS_<n>_<SETTING>, <n> a number without leading zeros');
    const index = Number(m[1]);
    const suffix = m[2] ?? '';
    if (!KNOWN_SUFFIXES.includes(suffix)) {
      throw new ConfigError(variable, `is not a setting Kafscope reads; after KAFKA_CLUSTERS_<n>_ it reads ${KNOWN_SUFFIXES.join(', ')}`);
    }
    let vars = byIndex.get(index);
    if (!vars) byIndex.set(index, (vars = new Map()));
    vars.set(suffix, { value: raw, at: variable });
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([index, vars]) => declaration(index, vars));
}

function declaration(index: number, vars: Map<string, Sourced<string>>): ClusterDeclaration {
  const prefix = `${PREFIX}${index}_`;
  const where = (setting: Setting) => prefix + SETTING_SUFFIX[setting];
  const name = vars.get('NAME');
  if (!name) throw new ConfigError(where('name'), `is required: other ${prefix}* variables are set`);
  const bootstrap = vars.get('BOOTSTRAPSERVERS');
  const registry = vars.get('SCHEMAREGISTRY');
  const properties: ClusterDeclaration['properties'] = {};
  const switches: ClusterDeclaration['switches'] = {};
  for (const [suffix, given] of vars) {
    const property = PROPERTY_BY_SUFFIX.get(suffix);
    if (property) properties[property] = given;
    const mutation = SWITCH_BY_SUFFIX.get(suffix);
    if (mutation) switches[mutation] = given;
  }
  return {
    name,
    bootstrapServers: bootstrap ? [bootstrap] : [],
    readOnly: vars.get('READONLY'),
    switches,
    properties,
    schemaRegistry: registry ? [registry] : [],
    schemaRegistryUsername: vars.get('SCHEMAREGISTRYAUTH_USERNAME'),
    schemaRegistryPassword: vars.get('SCHEMAREGISTRYAUTH_PASSWORD'),
    defaultKeyFormat: vars.get('DEFAULTKEYFORMAT'),
    defaultValueFormat: vars.get('DEFAULTVALUEFORMAT'),
    where,
  };
}
