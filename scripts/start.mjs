#!/usr/bin/env node
// `npm start`: build if needed, then serve the standalone production server on HOST:SERVER_PORT
// (defaults 127.0.0.1:9000). Signals are passed to the server so one Ctrl-C stops everything.
// With KAFSCOPE_TLS_CERT and KAFSCOPE_TLS_KEY the console serves HTTPS: Next listens on a free
// loopback port and an HTTPS front (tls-front.mjs) takes HOST:SERVER_PORT.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import net from 'node:net';
import { DIST_DIR } from './build-stamp.mjs';
import { ensureBuild } from './ensure-build.mjs';
import { startTlsFront } from './tls-front.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { basePathSetting } = createRequire(import.meta.url)('./build-settings.cjs');
ensureBuild();

const port = process.env.SERVER_PORT || '9000';
const host = process.env.HOST || '127.0.0.1';
const tls = Boolean(process.env.KAFSCOPE_TLS_CERT && process.env.KAFSCOPE_TLS_KEY);

function freeLoopbackPort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port: p } = s.address();
      s.close(() => resolve(String(p)));
    });
  });
}
// Behind the HTTPS front, Next listens on loopback only; SERVER_PORT stays the public port (the
// console's allowed origins are made from it).
const innerPort = tls ? await freeLoopbackPort() : port;
const innerHost = tls ? '127.0.0.1' : host;
// The standalone server changes into its own folder, which a rebuild replaces: anchor the embedded
// demo's data directory to the project instead.
const dataDir = resolve(root, process.env.KAFSCOPE_DATA_DIR || 'data');
// V8 grows the old generation to up to 4x what survived the last full collection before collecting
// again; the console's live heap is ~130 MB at 10,000 groups, but its pages allocate a lot of
// short-lived data, so the heap (and RSS) reached ~450-580 MB. Growing by 20 % at most keeps the
// console near 300 MB after the API benchmark's warm run at about the same warm latencies
// (README, "API at scale"). A smaller semi-space was measured too and made it worse (more promoted).
// KAFSCOPE_NODE_FLAGS replaces these flags (an empty value: V8's defaults).
const nodeFlags = (process.env.KAFSCOPE_NODE_FLAGS ?? '--heap-growing-percent=20').split(/\s+/).filter(Boolean);
const child = spawn(process.execPath, [...nodeFlags, join(root, DIST_DIR, 'standalone/server.js')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORT: innerPort, SERVER_PORT: port, HOSTNAME: innerHost, ...(tls && { HOST: host }), NEXT_TELEMETRY_DISABLED: '1', KAFSCOPE_DATA_DIR: dataDir },
});
if (tls) {
  const front = startTlsFront({
    certFile: process.env.KAFSCOPE_TLS_CERT,
    keyFile: process.env.KAFSCOPE_TLS_KEY,
    host,
    port: Number(port),
    innerPort: Number(innerPort),
    trustProxy: /^(true|1|yes|on)$/i.test(process.env.KAFSCOPE_TRUST_PROXY ?? ''),
  });
  front.on('error', (err) => {
    console.error(`kafscope: cannot serve HTTPS on ${host}:${port}: ${err.message}`);
    child.kill('SIGTERM');
    process.exit(1);
  });
}
console.log(`kafscope: ${tls ? 'https' : 'http'}://${host === '0.0.0.0' ? 'localhost' : host}:${port}${basePathSetting()}`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
