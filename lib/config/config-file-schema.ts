// The shape of KAFSCOPE_CONFIG, mirroring the `kafka.clusters` block of kafbat's application.yml so
// its users can copy blocks across. Every level is strict: a misspelt key (bootstrapServer, readonly)
// would otherwise be dropped silently and leave a cluster writable or unauthenticated. Only the
// shape is checked here; values (names, host:port, protocols, files) are judged with the variables'
// rules in cluster-from-declaration.ts, so both forms report the same mistakes in the same words.
import 'server-only';
import { z } from 'zod';
import { CLIENT_PROPERTIES } from './cluster-declaration';
import { SWITCH_VARIABLES, type Mutation } from './switches';

/** A strict map whose messages name the keys it accepts. */
function strictMap<Shape extends z.ZodRawShape>(what: string, shape: Shape) {
  const keys = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `is not a key of ${what}; the keys are ${keys}` : `must be a map of ${what} (keys ${keys})`),
  });
}

const Text = z.string({ error: 'must be a string (put it in quotes)' });
const TextOrList = z.union([z.string(), z.array(z.string())], { error: 'must be a string, or a list of strings' });
const Flag = z.union([z.boolean(), z.string()], { error: 'must be true or false' });

const Properties = strictMap('Kafka client properties', Object.fromEntries(CLIENT_PROPERTIES.map((p) => [p, Text.optional()])) as Record<(typeof CLIENT_PROPERTIES)[number], z.ZodOptional<typeof Text>>);

const Switches = strictMap('switches', Object.fromEntries((Object.keys(SWITCH_VARIABLES) as Mutation[]).map((m) => [m, Flag.optional()])) as Record<Mutation, z.ZodOptional<typeof Flag>>);

const Cluster = strictMap('a cluster', {
  name: Text,
  bootstrapServers: TextOrList,
  readOnly: Flag.optional(),
  properties: Properties.optional(),
  switches: Switches.optional(),
  schemaRegistry: TextOrList.optional(),
  schemaRegistryAuth: strictMap('schema registry credentials', { username: Text, password: Text }).optional(),
  defaultKeyFormat: Text.optional(),
  defaultValueFormat: Text.optional(),
});
export type FileCluster = z.infer<typeof Cluster>;

const Clusters = z.array(Cluster, { error: 'must be a list of clusters' }).min(1, { error: 'must list at least one cluster' });

export const ConfigFileSchema = strictMap('the configuration file', {
  kafka: strictMap('kafka', { clusters: Clusters }).optional(),
  clusters: Clusters.optional(),
  /** Login, roles, masking: checked by auth-from-file.ts (AuthFileSchema). */
  auth: z.unknown().optional(),
  /** Formats per topic pattern: checked by topic-formats.ts. */
  topicFormats: z.unknown().optional(),
});
