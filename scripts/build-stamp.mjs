// What makes a production build "current": a hash of every input that goes into `next build`
// (sources, public files, configs, the lockfile). `npm start` and the e2e runner compare it with the
// stamp written after the last build, so a fresh clone builds once and an unchanged tree never
// rebuilds. The base path is an input too: Next fixes it at build time, so starting with another one
// rebuilds.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const { basePathSetting, distDirSetting } = createRequire(import.meta.url)('./build-settings.cjs');

const INPUT_DIRS = ['app', 'components', 'lib', 'public'];
const INPUT_FILES = [
  'package-lock.json', 'next.config.js', 'scripts/build-settings.cjs', 'tsconfig.json', 'postcss.config.mjs', 'instrumentation.ts', 'proxy.ts',
];
const SKIP = /(\.test\.tsx?$)|(^|\/)(node_modules|fixtures)(\/|$)/;

function* walk(root, dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const rel = relative(root, path);
    if (SKIP.test(rel)) continue;
    if (entry.isDirectory()) yield* walk(root, path);
    else if (entry.isFile()) yield rel;
  }
}

export function sourceHash(root) {
  const files = [];
  for (const dir of INPUT_DIRS) if (existsSync(join(root, dir))) files.push(...walk(root, join(root, dir)));
  for (const file of INPUT_FILES) if (existsSync(join(root, file))) files.push(file);
  files.sort();
  const hash = createHash('sha256');
  hash.update(`basePath=${basePathSetting()}\0`);
  for (const file of files) {
    hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

/** The build folder (KAFSCOPE_DIST_DIR, default .next), relative to the project. */
export const DIST_DIR = distDirSetting();
export const STAMP_FILE = `${DIST_DIR}/kafscope-build-stamp`;

/** True when the build folder holds a standalone build made from exactly the current inputs. */
export function buildIsCurrent(root) {
  const stamp = join(root, STAMP_FILE);
  if (!existsSync(join(root, DIST_DIR, 'standalone/server.js')) || !existsSync(stamp)) return false;
  return readFileSync(stamp, 'utf8').trim() === sourceHash(root) && statSync(stamp).isFile();
}
