// The configuration in force in this process: set once by the start-up code, read by the cluster
// registry, the route guard and the URL redirects. Kept on globalThis because Next.js compiles the
// start-up hook, the proxy and the route handlers into separate bundles: one value per process,
// whichever module instance asks. Code that runs without start-up (a test, a script) gets the
// environment read once.
import 'server-only';
import { loadAppConfig, type ConsoleConfig } from './console-config';

const globalKey = Symbol.for('kafscope.config.current');
type Holder = Record<symbol, ConsoleConfig | undefined>;

export function setConsoleConfig(config: ConsoleConfig | null): void {
  (globalThis as unknown as Holder)[globalKey] = config ?? undefined;
}

export function currentConsoleConfig(): ConsoleConfig {
  const g = globalThis as unknown as Holder;
  return (g[globalKey] ??= loadAppConfig(process.env));
}
