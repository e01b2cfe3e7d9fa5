// Starts the production app the way a user does (`node scripts/start.mjs`), on a free port with the
// environment a test chooses, for the tests that need an app configured differently from the one
// Playwright's webServer runs (the embedded demo, read-only mode, switches).
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export interface AppProcess {
  readonly child: ChildProcess;
  readonly base: string;
  output(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Environment for an app on the e2e broker alone, as the cluster "primary": the kafbat-style
 * variables of any other cluster are removed, should the runner's environment carry them. */
export function primaryClusterOnly(bootstrap: string): Record<string, string | undefined> {
  return {
    KAFKA_CLUSTERS_0_NAME: 'primary',
    KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: bootstrap,
    KAFKA_CLUSTERS_1_NAME: undefined,
    KAFKA_CLUSTERS_1_BOOTSTRAPSERVERS: undefined,
    KAFKA_CLUSTERS_1_READONLY: undefined,
    KAFKA_CLUSTERS_2_NAME: undefined,
    KAFKA_CLUSTERS_2_BOOTSTRAPSERVERS: undefined,
  };
}

/** Starts the app and resolves once `ready(output)` is true and /api/health (or `healthPath`) answers. */
export async function startApp(
  env: Record<string, string | undefined>,
  opts: { port?: number; ready?: (output: string) => boolean; timeoutMs?: number; healthPath?: string } = {},
): Promise<AppProcess> {
  const port = opts.port ?? (await freePort());
  const full: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', ...env, SERVER_PORT: String(port) };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete full[k];
  const child = spawn(process.execPath, ['scripts/start.mjs'], { env: full, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const app: AppProcess = {
    child,
    base,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited early:\n${out}`);
    if (Date.now() > deadline) {
      await app.stop();
      throw new Error(`the app did not become ready:\n${out}`);
    }
    if (!opts.ready || opts.ready(out)) {
      const healthy = await fetch(`${base}${opts.healthPath ?? '/api/health'}`).then((r) => r.ok, () => false);
      if (healthy) return app;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
