#!/usr/bin/env node
// After `next build`: keep only what the standalone server runs (server.js, package.json, the build
// folder, node_modules; public/ is copied in afterwards). The embedded broker opens files under a data
// directory chosen at run time, and the bundler's file tracing, unable to tell that apart from the
// project's own files, copies the whole source tree into the output. Shared by `npm start` and the
// Docker image.
import { readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const { distDirSetting } = createRequire(import.meta.url)('./build-settings.cjs');
const KEEP = new Set(['server.js', 'package.json', distDirSetting(), 'node_modules']);

export function pruneStandalone(standaloneDir) {
  for (const entry of readdirSync(standaloneDir)) {
    if (!KEEP.has(entry)) rmSync(join(standaloneDir, entry), { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  pruneStandalone(join(dirname(fileURLToPath(import.meta.url)), '..', distDirSetting(), 'standalone'));
}
