#!/usr/bin/env node
// `npm start`: build if needed, then serve the standalone production server on HOST:SERVER_PORT
// (defaults 127.0.0.1:9000). Signals are passed to the server so one Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuild } from './ensure-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureBuild();

const port = process.env.SERVER_PORT || '9000';
const host = process.env.HOST || '127.0.0.1';
// The standalone server changes into its own folder, which a rebuild replaces: anchor the embedded
// demo's data directory to the project instead.
const dataDir = resolve(root, process.env.KAFSCOPE_DATA_DIR || 'data');
const child = spawn(process.execPath, [join(root, '.next/standalone/server.js')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORT: port, HOSTNAME: host, NEXT_TELEMETRY_DISABLED: '1', KAFSCOPE_DATA_DIR: dataDir },
});
console.log(`kafscope: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
