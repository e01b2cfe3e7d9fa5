#!/usr/bin/env node
// Builds the production app only when the current build is missing or stale (see build-stamp.mjs),
// then lays out the standalone folder the way Next expects to serve it (static assets and public/
// copied beside server.js — the same layout the Docker image uses).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST_DIR, STAMP_FILE, buildIsCurrent, sourceHash } from './build-stamp.mjs';
import { pruneStandalone } from './prune-standalone.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function ensureBuild({ quiet = false } = {}) {
  if (buildIsCurrent(root)) {
    if (!quiet) console.log('kafscope: production build is current, not rebuilding');
    return;
  }
  console.log('kafscope: building the production app (first start or sources changed)…');
  const hash = sourceHash(root);
  const res = spawnSync(process.execPath, [join(root, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (res.status !== 0) {
    console.error('kafscope: the build failed; see the output above');
    process.exit(res.status ?? 1);
  }
  const standalone = join(root, DIST_DIR, 'standalone');
  pruneStandalone(standalone);
  rmSync(join(standalone, DIST_DIR, 'static'), { recursive: true, force: true });
  cpSync(join(root, DIST_DIR, 'static'), join(standalone, DIST_DIR, 'static'), { recursive: true });
  if (existsSync(join(root, 'public'))) {
    cpSync(join(root, 'public'), join(standalone, 'public'), { recursive: true });
  }
  writeFileSync(join(root, STAMP_FILE), `${hash}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureBuild();
