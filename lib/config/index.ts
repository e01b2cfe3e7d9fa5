// The console's configuration, read once at start-up from the environment or a file: which clusters,
// how to reach them, what each allows. loadAppConfig() throws a ConfigError naming the variable or
// file line at fault, so start-up fails fast; afterwards everyone reads the same value (current.ts).
import 'server-only';

export { ConfigError } from './errors';
export type { Connection } from './connection';
export { SWITCH_VARIABLES, type Mutation } from './switches';

// The multi-cluster configuration (kafbat-style variables, a file, Kafdrop's variables, the demo).
export { loadAppConfig, type ConsoleConfig, type LoadOptions } from './console-config';
export { publicClusterInfo, DEMO_CLUSTER_NAME, type ClusterConfig } from './cluster-config';
export { currentConsoleConfig, setConsoleConfig } from './current';
export { MAX_BODY_CEILING, type EdgeConfig } from './edge';
export { topicFormats, type TopicFormatRule } from './topic-formats';
export type { StreamsConfig } from './streams';
